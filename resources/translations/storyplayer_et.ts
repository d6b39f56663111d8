<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="et_EE">
<context>
    <name>AddStory</name>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="63"/>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="184"/>
        <source>Add story</source>
        <translation>Lisa lugu</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="67"/>
        <source>Stories ({patterns})</source>
        <translation>Lood ({patterns})</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="68"/>
        <source>Story packages ({patterns})</source>
        <translation>Loopaketid ({patterns})</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="69"/>
        <source>StoryMapJS or TimelineJS files ({patterns})</source>
        <translation>StoryMapJS- või TimelineJS-failid ({patterns})</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="106"/>
        <source>Added the story “{title}”.</source>
        <translation>Lugu „{title}“ on lisatud.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="110"/>
        <source>Replace story?</source>
        <translation>Kas asendada lugu?</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="117"/>
        <source>Replace</source>
        <translation>Asenda</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="120"/>
        <source>Keep the one I have</source>
        <translation>Jäta olemasolev alles</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="134"/>
        <source>The story you had is kept; nothing was added.</source>
        <translation>Olemasolev lugu jäi alles, midagi ei lisatud.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="225"/>
        <source>Imported {format}: “{title}”, {count} events.</source>
        <translation>Imporditud ({format}): „{title}“, sündmusi {count}.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="229"/>
        <source>It cannot play yet: {reason}</source>
        <translation>Seda ei saa veel mängida: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="231"/>
        <source>Story imported</source>
        <translation>Lugu imporditud</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="326"/>
        <source>This story could not be added: {reason}</source>
        <translation>Seda lugu ei õnnestunud lisada: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="180"/>
        <source>Importing “{name}”…</source>
        <translation>Imporditakse faili „{name}“…</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="111"/>
        <source>A story with the same id ({id}) is already in your library. Replace it with “{title}” from this package, or keep both?</source>
        <translation>Sinu kogus on juba sama tunnusega ({id}) lugu. Kas asendada see selle paketi looga „{title}“ või hoida mõlemad?</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="119"/>
        <source>Keep both</source>
        <translation>Hoia mõlemad</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="179"/>
        <source>Downloading the pictures of “{name}”… This can take two minutes.</source>
        <translation>Faili „{name}“ pilte laaditakse alla… See võib võtta kaks minutit.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="241"/>
        <source>Download the pictures</source>
        <translation>Laadi pildid alla</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="264"/>
        <source>{count} not downloaded</source>
        <translation>{count} alla laadimata</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="268"/>
        <source>Pictures: {kept} kept, {missing} not available offline ({reasons}).</source>
        <translation>Pildid: {kept} alles, {missing} pole võrguühenduseta saadaval ({reasons}).</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="271"/>
        <source>Pictures: {kept} kept.</source>
        <translation>Pildid: {kept} alles.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="273"/>
        <source>Videos, sounds and web pages kept as links in the sources: {count}.</source>
        <translation>Allikates lingina alles videod, helid ja veebilehed: {count}.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="276"/>
        <source>Date read from the text: {where}: {date} (from “{words}”)</source>
        <translation>Tekstist loetud kuupäev: {where}: {date} (sõnadest „{words}“)</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="280"/>
        <source>Notes from the import:</source>
        <translation>Impordi märkused (inglise keeles):</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="287"/>
        <source>slide {number}</source>
        <translation>slaid {number}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="287"/>
        <source>event {number}</source>
        <translation>sündmus {number}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="288"/>
        <source>row {number}</source>
        <translation>rida {number}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/add_story.py" line="292"/>
        <source>{where} “{headline}”</source>
        <translation>{where} „{headline}“</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/attract_screen.py" line="181"/>
        <location filename="../../src/storyplayer/ui/kiosk/attract_screen.py" line="243"/>
        <source>Story Player</source>
        <translation>Lugude mängija</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/attract_screen.py" line="196"/>
        <source>Cover of {title}</source>
        <translation>Kaanepilt: {title}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/attract_screen.py" line="202"/>
        <source>Story {k} of {n}</source>
        <translation>Lugu {k}/{n}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/attract_screen.py" line="244"/>
        <source>Touch to begin</source>
        <translation>Puuduta, et alustada</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/attract_screen.py" line="247"/>
        <source>Featured stories. Touch the screen to begin.</source>
        <translation>Esiletõstetud lood. Alustamiseks puuduta ekraani.</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="56"/>
        <source>History</source>
        <translation>Ajalugu</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="57"/>
        <source>Politics</source>
        <translation>Poliitika</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="58"/>
        <source>War</source>
        <translation>Sõda</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="59"/>
        <source>Religion</source>
        <translation>Religioon</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="60"/>
        <source>Revolution</source>
        <translation>Revolutsioon</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="61"/>
        <source>Occupation</source>
        <translation>Okupatsioon</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="62"/>
        <source>Culture</source>
        <translation>Kultuur</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="63"/>
        <source>Science</source>
        <translation>Teadus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="64"/>
        <source>Architecture</source>
        <translation>Arhitektuur</translation>
    </message>
</context>
<context>
    <name>ClosedScreen</name>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/closed_screen.py" line="69"/>
        <source>Closed</source>
        <translation>Suletud</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/closed_screen.py" line="77"/>
        <source>Open again on %1 at %2</source>
        <translation>Taas avatud: %1 kell %2</translation>
    </message>
</context>
<context>
    <name>DetailsForm</name>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="122"/>
        <source>Story details</source>
        <translation>Loo andmed</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="123"/>
        <source>Languages</source>
        <translation>Keeled</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="124"/>
        <source>Language code, e.g. de</source>
        <translation>Keele kood, nt de</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="125"/>
        <source>Add language</source>
        <translation>Lisa keel</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="126"/>
        <source>Remove language</source>
        <translation>Eemalda keel</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="127"/>
        <source>Title</source>
        <translation>Pealkiri</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="128"/>
        <source>Summary</source>
        <translation>Kokkuvõte</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="129"/>
        <source>Categories</source>
        <translation>Kategooriad</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="130"/>
        <source>Comma between categories, e.g. history, war</source>
        <translation>Kategooriad komadega eraldatult, nt ajalugu, sõda</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="131"/>
        <source>Colour</source>
        <translation>Värv</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="132"/>
        <source>Choose colour…</source>
        <translation>Vali värv…</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="133"/>
        <source>automatic</source>
        <translation>automaatne</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="134"/>
        <source>Cover picture</source>
        <translation>Kaanepilt</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="135"/>
        <source>Choose picture…</source>
        <translation>Vali pilt…</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="136"/>
        <source>Remove</source>
        <translation>Eemalda</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="163"/>
        <source>No cover picture</source>
        <translation>Kaanepilti pole</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/details_form.py" line="186"/>
        <source>Story colour</source>
        <translation>Loo värv</translation>
    </message>
</context>
<context>
    <name>EditorHost</name>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_host.py" line="48"/>
        <source>New story</source>
        <translation>Uus lugu</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_host.py" line="66"/>
        <source>Cannot open {file}: {reason}</source>
        <translation>Faili {file} ei saa avada: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_host.py" line="84"/>
        <source>Unsaved work found</source>
        <translation>Leiti salvestamata tööd</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_host.py" line="85"/>
        <source>Story Player closed while “{title}” had unsaved changes. Open them to save them?</source>
        <translation>Lugude mängija suleti ajal, mil loos „{title}” oli salvestamata muudatusi. Kas avada need, et saaksid need salvestada?</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_host.py" line="88"/>
        <source>Open</source>
        <translation>Ava</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_host.py" line="88"/>
        <source>Discard</source>
        <translation>Viska ära</translation>
    </message>
</context>
<context>
    <name>EditorScreen</name>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="224"/>
        <source>Cannot edit {file}: {reason}</source>
        <translation>Faili {file} ei saa muuta: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="162"/>
        <source>Move event</source>
        <translation>Sündmuse teisaldamine</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="177"/>
        <source>← Stories</source>
        <translation>← Lood</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="178"/>
        <source>Undo</source>
        <translation>Võta tagasi</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="179"/>
        <source>Redo</source>
        <translation>Tee uuesti</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="180"/>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="245"/>
        <source>Save</source>
        <translation>Salvesta</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="181"/>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="568"/>
        <source>Preview</source>
        <translation>Eelvaade</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="182"/>
        <source>Share…</source>
        <translation>Jaga…</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="242"/>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="560"/>
        <source>Unsaved changes</source>
        <translation>Salvestamata muudatused</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="243"/>
        <source>Save the changes to “{title}” before leaving?</source>
        <translation>Kas salvestada loo „{title}” muudatused enne lahkumist?</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="246"/>
        <source>Leave without saving</source>
        <translation>Lahku salvestamata</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="247"/>
        <source>Go on editing</source>
        <translation>Jätka muutmist</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="308"/>
        <source>Edit</source>
        <translation>Muuda</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="346"/>
        <source>New event</source>
        <translation>Uus sündmus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="347"/>
        <source>Add event</source>
        <translation>Lisa sündmus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="355"/>
        <source>Duplicate event</source>
        <translation>Sündmuse dubleerimine</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="362"/>
        <source>Delete event</source>
        <translation>Sündmuse kustutamine</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="381"/>
        <source>Sort by date</source>
        <translation>Järjesta kuupäeva järgi</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="386"/>
        <source>Add language</source>
        <translation>Lisa keel</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="400"/>
        <source>Remove language</source>
        <translation>Eemalda keel</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="429"/>
        <source>Add a point</source>
        <translation>Punkti lisamine</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="433"/>
        <source>Move the place</source>
        <translation>Koha teisaldamine</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="438"/>
        <source>Set the place</source>
        <translation>Koha määramine</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="449"/>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="451"/>
        <source>Choose picture</source>
        <translation>Pildi valimine</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="462"/>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="470"/>
        <source>Choose overlay picture</source>
        <translation>Katte pildi valimine</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="477"/>
        <source>Choose cover picture</source>
        <translation>Kaanepildi valimine</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="482"/>
        <source>Choose a picture</source>
        <translation>Vali pilt</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="483"/>
        <source>Pictures ({patterns})</source>
        <translation>Pildid ({patterns})</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="513"/>
        <source>Editing: {title}</source>
        <translation>Muudetav lugu: {title}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="560"/>
        <source>Saved</source>
        <translation>Salvestatud</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="562"/>
        <source>Draft with problems: {count}</source>
        <translation>Mustand, probleeme: {count}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="567"/>
        <source>Back to editing</source>
        <translation>Tagasi muutmise juurde</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="635"/>
        <source>Could not save {file}: {reason}</source>
        <translation>Faili {file} ei õnnestunud salvestada: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="668"/>
        <source>Fix the problems first: a draft cannot be played.</source>
        <translation>Paranda enne probleemid: mustandit ei saa esitada.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="691"/>
        <source>Fix the problems first: a draft cannot be shared.</source>
        <translation>Paranda enne probleemid: mustandit ei saa jagada.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="696"/>
        <source>Share the story</source>
        <translation>Jaga lugu</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="698"/>
        <source>Story packages (*.storyplayer)</source>
        <translation>Loopaketid (*.storyplayer)</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="704"/>
        <source>Sharing is not available in this version.</source>
        <translation>Selles versioonis jagada ei saa.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/editor_screen.py" line="711"/>
        <source>Shared as {file}</source>
        <translation>Jagatud failina {file}</translation>
    </message>
</context>
<context>
    <name>EndCard</name>
    <message>
        <location filename="../../src/storyplayer/ui/playback/end_card.py" line="56"/>
        <source>The story is finished</source>
        <translation>Lugu on lõppenud</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/end_card.py" line="59"/>
        <source>You can play the story again, or close it and choose new stories. Up to three stories can play at once.</source>
        <translation>Võid loo uuesti esitada või selle sulgeda ja valida uued lood. Korraga saab esitada kuni kolm lugu.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/end_card.py" line="61"/>
        <source>Play again</source>
        <translation>Esita uuesti</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/end_card.py" line="62"/>
        <source>Close</source>
        <translation>Sulge</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/end_card.py" line="63"/>
        <source>Play this story again from the start</source>
        <translation>Esita see lugu algusest peale uuesti</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/end_card.py" line="64"/>
        <source>Close this story and free its place</source>
        <translation>Sulge see lugu ja vabasta selle koht</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="307"/>
        <source>Title</source>
        <translation>Pealkiri</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="308"/>
        <source>Date</source>
        <translation>Kuupäev</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="309"/>
        <source>e.g. 1917-11-07, 1917-10-25 O.S., 1917, c. 1350</source>
        <translation>nt 07.11.1917, 25.10.1917 vkj, 1917, u 1350, 1558–1583</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="310"/>
        <source>Place</source>
        <translation>Koht</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="311"/>
        <source>Click the map to set the place; drag the marker to move it.</source>
        <translation>Koha määramiseks klõpsa kaardil; teisaldamiseks lohista tähist.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="313"/>
        <source>No place (the map stays where it is)</source>
        <translation>Koht puudub (kaart jääb paigale)</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="314"/>
        <source>Latitude</source>
        <translation>Laiuskraad</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="315"/>
        <source>Longitude</source>
        <translation>Pikkuskraad</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="316"/>
        <source>Zoom</source>
        <translation>Suurendus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="317"/>
        <source>Name on the map</source>
        <translation>Nimi kaardil</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="318"/>
        <source>auto</source>
        <translation>automaatne</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="319"/>
        <source>Line or area</source>
        <translation>Joon või ala</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="320"/>
        <source>None</source>
        <translation>Puudub</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="320"/>
        <source>Line</source>
        <translation>Joon</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="320"/>
        <source>Area</source>
        <translation>Ala</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="320"/>
        <source>Points</source>
        <translation>Punktid</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="327"/>
        <source>Add points on the map</source>
        <translation>Lisa punkte kaardil</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="328"/>
        <source>Remove last point</source>
        <translation>Eemalda viimane punkt</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="329"/>
        <source>Text</source>
        <translation>Tekst</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="330"/>
        <source>Preview (Markdown: **bold**, *italic*, lists):</source>
        <translation>Eelvaade (Markdown: **paks**, *kaldkiri*, loendid):</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="331"/>
        <source>Picture</source>
        <translation>Pilt</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="332"/>
        <source>Choose picture…</source>
        <translation>Vali pilt…</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="333"/>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="339"/>
        <source>Remove</source>
        <translation>Eemalda</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="334"/>
        <source>Caption</source>
        <translation>Pildiallkiri</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="335"/>
        <source>Credit</source>
        <translation>Autor ja allikas</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="336"/>
        <source>Description for screen readers</source>
        <translation>Kirjeldus ekraanilugejale</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="337"/>
        <source>Map overlay</source>
        <translation>Kaardi kate</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="338"/>
        <source>Choose overlay picture…</source>
        <translation>Vali katte pilt…</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="341"/>
        <source>South edge</source>
        <translation>Lõunaserv</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="341"/>
        <source>West edge</source>
        <translation>Lääneserv</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="341"/>
        <source>North edge</source>
        <translation>Põhjaserv</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="342"/>
        <source>East edge</source>
        <translation>Idaserv</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="342"/>
        <source>Opacity</source>
        <translation>Läbipaistmatus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="344"/>
        <source>Sources</source>
        <translation>Allikad</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="345"/>
        <source>Seconds</source>
        <translation>Sekundid</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="346"/>
        <source>automatic (by reading length)</source>
        <translation>automaatne (lugemisaja järgi)</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="362"/>
        <source>Event {number}</source>
        <translation>Sündmus {number}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="390"/>
        <source>No picture</source>
        <translation>Pilti pole</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="398"/>
        <source>No overlay</source>
        <translation>Katet pole</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="450"/>
        <source>Points: {count}</source>
        <translation>Punkte: {count}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/event_form.py" line="501"/>
        <source>(no text)</source>
        <translation>(teksti pole)</translation>
    </message>
</context>
<context>
    <name>EventList</name>
    <message>
        <location filename="../../src/storyplayer/ui/playback/event_list.py" line="82"/>
        <location filename="../../src/storyplayer/ui/playback/event_list.py" line="83"/>
        <source>Events in this story</source>
        <translation>Selle loo sündmused</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/event_list.py" line="84"/>
        <source>Choose an event to jump to it</source>
        <translation>Vali sündmus, et selle juurde minna</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/event_list.py" line="85"/>
        <source>Back to the story</source>
        <translation>Tagasi loo juurde</translation>
    </message>
</context>
<context>
    <name>EventView</name>
    <message>
        <location filename="../../src/storyplayer/ui/playback/event_view.py" line="216"/>
        <source>Picture unavailable</source>
        <translation>Pilt pole saadaval</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/event_view.py" line="171"/>
        <source>Picture</source>
        <translation>Pilt</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/event_view.py" line="171"/>
        <source>Sources</source>
        <translation>Allikad</translation>
    </message>
</context>
<context>
    <name>EventsPanel</name>
    <message>
        <location filename="../../src/storyplayer/ui/editor/events_panel.py" line="64"/>
        <source>Story details</source>
        <translation>Loo andmed</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/events_panel.py" line="65"/>
        <source>Add event</source>
        <translation>Lisa sündmus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/events_panel.py" line="66"/>
        <source>Duplicate</source>
        <translation>Dubleeri</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/events_panel.py" line="67"/>
        <source>Delete</source>
        <translation>Kustuta</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/events_panel.py" line="68"/>
        <source>Sort by date</source>
        <translation>Järjesta kuupäeva järgi</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/events_panel.py" line="69"/>
        <source>Events (drag to reorder)</source>
        <translation>Sündmused (järjestuse muutmiseks lohista)</translation>
    </message>
</context>
<context>
    <name>KioskOperations</name>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/kiosk_operations.py" line="369"/>
        <source>Cannot reach %1: the stories last seen there are shown until it is back.</source>
        <translation>%1 pole kättesaadav: seni näidatakse sealt viimati nähtud lugusid.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/storyplayer/ui/main_window.py" line="42"/>
        <location filename="../../src/storyplayer/ui/main_window.py" line="250"/>
        <source>Story Player</source>
        <translation>Lugude mängija</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/app.py" line="220"/>
        <source>Some settings could not be used: see --check-config.</source>
        <translation>Mõnda seadet ei saanud kasutada: vaata --check-config.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/app.py" line="527"/>
        <source>The text size holds until the app closes: the settings file is read-only.</source>
        <translation>Teksti suurus kehtib rakenduse sulgemiseni: seadete fail on kirjutuskaitstud.</translation>
    </message>
</context>
<context>
    <name>MapNames</name>
    <message>
        <location filename="../../src/storyplayer/ui/playback/map_names.py" line="88"/>
        <source>Old map</source>
        <translation>Vana kaart</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/map_names.py" line="90"/>
        <source>Coastlines: GSHHG</source>
        <translation>Rannajooned: GSHHG</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/map_names.py" line="91"/>
        <source>Names: GeoNames (CC BY 4.0)</source>
        <translation>Kohanimed: GeoNames (CC BY 4.0)</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../src/storyplayer/ui/shared/notices.py" line="35"/>
        <location filename="../../src/storyplayer/ui/shared/notices.py" line="53"/>
        <source>Dismiss</source>
        <translation>Sulge teade</translation>
    </message>
</context>
<context>
    <name>Picker</name>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="289"/>
        <source>All categories</source>
        <translation>Kõik teemad</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="297"/>
        <source>Choose stories</source>
        <translation>Vali lood</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="298"/>
        <source>Choose up to three. They play side by side on one map.</source>
        <translation>Vali kuni kolm. Need esitatakse kõrvuti ühel kaardil.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="299"/>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="300"/>
        <source>Search stories</source>
        <translation>Otsi lugusid</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="301"/>
        <source>Category</source>
        <translation>Teema</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="303"/>
        <source>Stories</source>
        <translation>Lood</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="305"/>
        <source>Press Space to choose or un-choose a story, Enter to play.</source>
        <translation>Tühik valib loo või tühistab valiku, Enter alustab.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="307"/>
        <source>Play</source>
        <translation>Esita</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="308"/>
        <source>Play the chosen stories</source>
        <translation>Esita valitud lood</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="309"/>
        <source>No stories match your search.</source>
        <translation>Otsingule vastavaid lugusid ei leitud.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="342"/>
        <source>You can choose up to three stories. To change your choice, uncheck an earlier one first.</source>
        <translation>Valida saab kuni kolm lugu. Valiku muutmiseks tühista kõigepealt mõni varasem valik.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="349"/>
        <source>This story cannot be played: {reason}</source>
        <translation>Seda lugu ei saa mängida: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="351"/>
        <source>This story cannot be played.</source>
        <translation>Seda lugu ei saa mängida.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="360"/>
        <source>No stories chosen yet. Tap a card to choose it.</source>
        <translation>Ühtegi lugu pole veel valitud. Puuduta lugu, et see valida.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="364"/>
        <source>{count} of {most} chosen</source>
        <translation>{count}/{most} valitud</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="366"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="310"/>
        <source>Add story…</source>
        <translation>Lisa lugu…</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="312"/>
        <source>Add a story from a story package or a StoryMapJS or TimelineJS file</source>
        <translation>Lisa lugu loopaketist või StoryMapJS- või TimelineJS-failist</translation>
    </message>
</context>
<context>
    <name>PickerEditing</name>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="461"/>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="499"/>
        <source>New story</source>
        <translation>Uus lugu</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="466"/>
        <source>Choose one story to edit it</source>
        <translation>Muutmiseks vali üks lugu</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="471"/>
        <source>Edit a copy</source>
        <translation>Muuda koopiat</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/picker.py" line="472"/>
        <source>Edit</source>
        <translation>Muuda</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/pin_pad.py" line="100"/>
        <source>Staff only: enter the PIN to leave kiosk mode</source>
        <translation>Ainult töötajatele: kioskirežiimist väljumiseks sisesta PIN-kood</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/pin_pad.py" line="101"/>
        <source>Cancel</source>
        <translation>Loobu</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/pin_pad.py" line="102"/>
        <source>Cancel and return</source>
        <translation>Loobu ja mine tagasi</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/pin_pad.py" line="103"/>
        <source>Delete the last digit</source>
        <translation>Kustuta viimane number</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/pin_pad.py" line="104"/>
        <source>Confirm the PIN</source>
        <translation>Kinnita PIN-kood</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/pin_pad.py" line="105"/>
        <source>Digits entered</source>
        <translation>Sisestatud numbrid</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/pin_pad.py" line="150"/>
        <source>Wrong PIN</source>
        <translation>Vale PIN</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/pin_pad.py" line="161"/>
        <source>Try again in {seconds} s</source>
        <translation>Proovi uuesti {seconds} s pärast</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/pin_pad.py" line="159"/>
        <source>Try again in {minutes} min</source>
        <translation>Proovi uuesti {minutes} min pärast</translation>
    </message>
</context>
<context>
    <name>PlaybackView</name>
    <message>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="101"/>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="153"/>
        <source>Choose stories</source>
        <translation>Vali lood</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="106"/>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="155"/>
        <source>Stop playing and go back to the stories</source>
        <translation>Lõpeta esitus ja mine tagasi lugude juurde</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="109"/>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="206"/>
        <source>Pause all</source>
        <translation>Kõik pausile</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="113"/>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="484"/>
        <source>In date order</source>
        <translation>Ajajärjestuses</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="118"/>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="159"/>
        <source>Play every story&apos;s events together, in the order of their dates</source>
        <translation>Esita kõigi lugude sündmused koos, ajalises järjekorras</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="120"/>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="157"/>
        <source>Step by hand</source>
        <translation>Samm-sammult</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="125"/>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="156"/>
        <source>Story Player</source>
        <translation>Lugude mängija</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="162"/>
        <source>When on, events wait for you: step with the arrow keys, Page Down or a clicker</source>
        <translation>Kui see on sees, ootavad sündmused sind: liigu edasi nooleklahvide, Page Down klahvi või esituspuldiga</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="163"/>
        <source>Pause or play every story</source>
        <translation>Pane kõik lood pausile või esita need</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/playback_view.py" line="206"/>
        <source>Play all</source>
        <translation>Esita kõik</translation>
    </message>
</context>
<context>
    <name>ProblemText</name>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="24"/>
        <source>it has no date yet</source>
        <translation>kuupäev on sisestamata</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="26"/>
        <source>cannot read &apos;{value}&apos; as a date; write e.g. {examples}</source>
        <translation>„{value}” ei ole arusaadav kuupäev; kirjuta näiteks 07.11.1917, 1917-11, 1917, -500, u 1350, 1558–1583 või 25.10.1917 vkj</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="28"/>
        <source>a date of {count} characters is too long to be a date</source>
        <translation>{count} märgi pikkune kuupäev on liiga pikk</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="30"/>
        <source>year 0 does not exist: 1 BC is followed by AD 1</source>
        <translation>aastat 0 ei ole olemas: aastale 1 eKr järgneb 1 pKr</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="32"/>
        <source>{day} {month} is not a date</source>
        <translation>kuupäeva {day}. {month} ei ole olemas</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="34"/>
        <source>29 {month} {year} is not a date: {year} is not a leap year</source>
        <translation>kuupäeva 29. {month} {year} ei ole olemas: {year} ei ole liigaasta</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="38"/>
        <source>29 {month} {year} is a date only in the Julian calendar: mark it O.S.</source>
        <translation>29. {month} {year} on olemas ainult vana kalendri järgi: lisa lõppu vkj</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="41"/>
        <source>the range ends ({end}) before it starts ({start})</source>
        <translation>vahemik lõpeb ({end}) enne, kui see algab ({start})</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="43"/>
        <source>the event needs a title</source>
        <translation>pealkiri puudub</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="45"/>
        <source>the story needs a title</source>
        <translation>pealkiri puudub</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="47"/>
        <source>the story has no events: it needs at least one</source>
        <translation>lool pole ühtegi sündmust: vaja on vähemalt üht</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="49"/>
        <source>the file &apos;{name}&apos; is not in the story folder</source>
        <translation>faili „{name}” ei ole loo kaustas</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="51"/>
        <source>&apos;{name}&apos; is not a file in the story folder</source>
        <translation>„{name}” ei ole fail loo kaustas</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="53"/>
        <source>{field} is longer than {count} characters (shorten or split it)</source>
        <translation>{field} on pikem kui {count} märki (lühenda või jaga see osadeks)</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="56"/>
        <source>{field} must not be empty</source>
        <translation>{field} ei tohi olla tühi</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="58"/>
        <source>{field} is {value}; it may be from {low} to {high}</source>
        <translation>{field}: {value} ei sobi, lubatud on {low} kuni {high}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="60"/>
        <source>the text has more Markdown marks than it may have ({count}, at most {limit}): shorten or split it</source>
        <translation>tekstis on lubatust rohkem Markdowni märke ({count}, lubatud kuni {limit}): lühenda või jaga see osadeks</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problem_text.py" line="63"/>
        <source>the summary has more Markdown marks than it may have ({count}, at most {limit}): shorten or split it</source>
        <translation>kokkuvõttes on lubatust rohkem Markdowni märke ({count}, lubatud kuni {limit}): lühenda või jaga see osadeks</translation>
    </message>
</context>
<context>
    <name>ProblemsView</name>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problems_view.py" line="28"/>
        <source>Event {number}</source>
        <translation>Sündmus {number}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/problems_view.py" line="29"/>
        <source>Story</source>
        <translation>Lugu</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <location filename="../../src/storyplayer/ui/playback/progress_strip.py" line="24"/>
        <location filename="../../src/storyplayer/ui/playback/progress_strip.py" line="28"/>
        <source>Story progress</source>
        <translation>Loo edenemine</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/progress_strip.py" line="41"/>
        <source>Event %1 of %2</source>
        <translation>Sündmus %1/%2</translation>
    </message>
</context>
<context>
    <name>SettingsButton</name>
    <message>
        <location filename="../../src/storyplayer/ui/shared/settings_menu.py" line="95"/>
        <source>Settings: text size, high contrast, language</source>
        <translation>Seaded: teksti suurus, suur kontrastsus, keel</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/shared/settings_menu.py" line="96"/>
        <source>Settings</source>
        <translation>Seaded</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <location filename="../../src/storyplayer/ui/shared/settings_menu.py" line="57"/>
        <source>Normal text size (now %1 %)</source>
        <translation>Tavaline tekstisuurus (praegu %1%)</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/shared/settings_menu.py" line="61"/>
        <source>Settings</source>
        <translation>Seaded</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/shared/settings_menu.py" line="63"/>
        <source>Larger text</source>
        <translation>Suurem tekst</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/shared/settings_menu.py" line="64"/>
        <source>Smaller text</source>
        <translation>Väiksem tekst</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/shared/settings_menu.py" line="65"/>
        <source>Normal text size</source>
        <translation>Tavaline tekstisuurus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/shared/settings_menu.py" line="66"/>
        <source>High contrast</source>
        <translation>Suur kontrastsus</translation>
    </message>
</context>
<context>
    <name>SourcesField</name>
    <message>
        <location filename="../../src/storyplayer/ui/editor/sources_field.py" line="41"/>
        <source>Add source</source>
        <translation>Lisa allikas</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/editor/sources_field.py" line="43"/>
        <location filename="../../src/storyplayer/ui/editor/sources_field.py" line="70"/>
        <source>Remove</source>
        <translation>Eemalda</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_page.py" line="177"/>
        <source>Staff: visitor statistics</source>
        <translation>Töötajatele: külastuste statistika</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_page.py" line="179"/>
        <source>Stories chosen (dark: watched to the end): times, share finished, median time</source>
        <translation>Valitud lood (tume: vaadatud lõpuni): kordi, lõpuni vaadatute osa, aja mediaan</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_page.py" line="180"/>
        <source>Visits per hour of the day</source>
        <translation>Külastused kellaaja järgi</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_page.py" line="181"/>
        <source>Back to visitors</source>
        <translation>Tagasi külastajate juurde</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_page.py" line="182"/>
        <source>Leave kiosk mode</source>
        <translation>Välju kioskirežiimist</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_page.py" line="203"/>
        <source>Visitor statistics are turned off on this kiosk.</source>
        <translation>Selles kioskis on külastuste statistika välja lülitatud.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_page.py" line="210"/>
        <source>Visits: %1 · median length %2 s</source>
        <translation>Külastusi: %1 · mediaanpikkus %2 s</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_page.py" line="212"/>
        <source>Languages: %1</source>
        <translation>Keeled: %1</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_page.py" line="199"/>
        <source>Hidden from visitors: %1</source>
        <translation>Külastajate eest peidetud: %1</translation>
    </message>
</context>
<context>
    <name>StaffReport</name>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_report.py" line="103"/>
        <source>Story “%1” cannot be played:</source>
        <translation>Lugu „%1“ ei saa mängida:</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_report.py" line="111"/>
        <source>For staff: what visitors are not shown</source>
        <translation>Töötajatele: mida külastajatele ei näidata</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_report.py" line="112"/>
        <source>Problems</source>
        <translation>Probleemid</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_report.py" line="113"/>
        <source>Leave kiosk mode</source>
        <translation>Välju kioskirežiimist</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/staff_report.py" line="114"/>
        <source>Back to visitors</source>
        <translation>Tagasi külastajate juurde</translation>
    </message>
</context>
<context>
    <name>StillThere</name>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/still_there.py" line="58"/>
        <source>Are you still there?</source>
        <translation>Kas oled veel siin?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/storyplayer/ui/kiosk/still_there.py" line="59"/>
        <source>Continuing to the start in %n…</source>
        <translation>
            <numerusform>Algusesse tagasi %n sekundi pärast…</numerusform>
            <numerusform>Algusesse tagasi %n sekundi pärast…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/kiosk/still_there.py" line="60"/>
        <source>Touch the screen to stay.</source>
        <translation>Puuduta ekraani, et jääda.</translation>
    </message>
</context>
<context>
    <name>StoryCardDelegate</name>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="295"/>
        <source>Cannot be played</source>
        <translation>Ei saa mängida</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="427"/>
        <source>1 event</source>
        <translation>1 sündmus</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="427"/>
        <source>%n events</source>
        <translation>
            <numerusform>%n sündmus</numerusform>
            <numerusform>%n sündmust</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_card.py" line="428"/>
        <source>{events} · {minutes} min</source>
        <translation>{events} · {minutes} min</translation>
    </message>
</context>
<context>
    <name>StoryListModel</name>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_list_model.py" line="173"/>
        <source>chosen</source>
        <translation>valitud</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_list_model.py" line="173"/>
        <source>not chosen</source>
        <translation>valimata</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_list_model.py" line="199"/>
        <source>{name}, cannot be played</source>
        <translation>{name}, ei saa mängida</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker/story_list_model.py" line="180"/>
        <source>Cover: {credit}</source>
        <translation>Kaanepilt: {credit}</translation>
    </message>
</context>
<context>
    <name>StoryPane</name>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="78"/>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="308"/>
        <source>Events</source>
        <translation>Sündmused</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="82"/>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="309"/>
        <source>List of events</source>
        <translation>Sündmuste loend</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="83"/>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="310"/>
        <source>Jump to any event of this story</source>
        <translation>Mine selle loo mis tahes sündmuse juurde</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="110"/>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="311"/>
        <source>Previous event</source>
        <translation>Eelmine sündmus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="111"/>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="262"/>
        <source>Pause</source>
        <translation>Paus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="112"/>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="312"/>
        <source>Next event</source>
        <translation>Järgmine sündmus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="113"/>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="313"/>
        <source>Show on map</source>
        <translation>Näita kaardil</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="116"/>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="316"/>
        <source>Move the map to this event&apos;s place</source>
        <translation>Vii kaart selle sündmuse toimumiskohta</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="262"/>
        <source>Play</source>
        <translation>Esita</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="278"/>
        <source>Finished</source>
        <translation>Lõppenud</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="281"/>
        <source>Event %1 of %2</source>
        <translation>Sündmus %1/%2</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="285"/>
        <source>Waiting for its first date</source>
        <translation>Ootab oma algust</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="292"/>
        <source>manual</source>
        <translation>samm-sammult</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="290"/>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="294"/>
        <source>paused</source>
        <translation>pausil</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="288"/>
        <location filename="../../src/storyplayer/ui/playback/story_pane.py" line="297"/>
        <source>%1 s left</source>
        <translation>veel %1 s</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <location filename="../../src/storyplayer/ui/playback/timeline_strip.py" line="100"/>
        <location filename="../../src/storyplayer/ui/playback/timeline_strip.py" line="144"/>
        <source>Timeline</source>
        <translation>Ajajoon</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/timeline_strip.py" line="459"/>
        <source>No date</source>
        <translation>Kuupäev puudub</translation>
    </message>
</context>
<context>
    <name>WaitingCard</name>
    <message>
        <location filename="../../src/storyplayer/ui/playback/waiting_card.py" line="44"/>
        <source>Waiting for its turn</source>
        <translation>Ootab oma järge</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/waiting_card.py" line="47"/>
        <source>Starts: %1</source>
        <translation>Algab: %1</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback/waiting_card.py" line="49"/>
        <source>In date order this story begins when the others reach its first date.</source>
        <translation>Ajalises järjekorras algab see lugu siis, kui teised jõuavad tema esimese kuupäevani.</translation>
    </message>
</context>
</TS>
