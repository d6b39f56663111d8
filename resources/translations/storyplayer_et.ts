<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="et_EE">
<context>
    <name>AddStory</name>
    <message>
        <source>Add story</source>
        <translation>Lisa lugu</translation>
    </message>
    <message>
        <source>Stories ({patterns})</source>
        <translation>Lood ({patterns})</translation>
    </message>
    <message>
        <source>Story packages ({patterns})</source>
        <translation>Loopaketid ({patterns})</translation>
    </message>
    <message>
        <source>StoryMapJS or TimelineJS files ({patterns})</source>
        <translation>StoryMapJS- või TimelineJS-failid ({patterns})</translation>
    </message>
    <message>
        <source>Added the story “{title}”.</source>
        <translation>Lugu „{title}“ on lisatud.</translation>
    </message>
    <message>
        <source>Replace story?</source>
        <translation>Kas asendada lugu?</translation>
    </message>
    <message>
        <source>A story with the same id ({id}) is already in your library. Replace it with “{title}” from this package?</source>
        <translation>Sinu kogus on juba sama tunnusega ({id}) lugu. Kas asendada see selle paketi looga „{title}“?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Asenda</translation>
    </message>
    <message>
        <source>Keep the one I have</source>
        <translation>Jäta olemasolev alles</translation>
    </message>
    <message>
        <source>The story you had is kept; nothing was added.</source>
        <translation>Olemasolev lugu jäi alles, midagi ei lisatud.</translation>
    </message>
    <message>
        <source>Imported {format}: “{title}”, {count} events.</source>
        <translation>Imporditud ({format}): „{title}“, sündmusi {count}.</translation>
    </message>
    <message>
        <source>It cannot play yet: {reason}</source>
        <translation>Seda ei saa veel mängida: {reason}</translation>
    </message>
    <message>
        <source>Story imported</source>
        <translation>Lugu imporditud</translation>
    </message>
    <message>
        <source>This story could not be added: {reason}</source>
        <translation>Seda lugu ei õnnestunud lisada: {reason}</translation>
    </message>
    <message>
        <source>Importing “{name}”…</source>
        <translation>Imporditakse faili „{name}“…</translation>
    </message>
    <message>
        <source>Downloading the pictures of “{name}”… This can take two minutes.</source>
        <translation>Faili „{name}“ pilte laaditakse alla… See võib võtta kaks minutit.</translation>
    </message>
    <message>
        <source>Download the pictures</source>
        <translation>Laadi pildid alla</translation>
    </message>
    <message>
        <source>{count} not downloaded</source>
        <translation>{count} alla laadimata</translation>
    </message>
    <message>
        <source>Pictures: {kept} kept, {missing} not available offline ({reasons}).</source>
        <translation>Pildid: {kept} alles, {missing} pole võrguühenduseta saadaval ({reasons}).</translation>
    </message>
    <message>
        <source>Pictures: {kept} kept.</source>
        <translation>Pildid: {kept} alles.</translation>
    </message>
    <message>
        <source>Videos, sounds and web pages kept as links in the sources: {count}.</source>
        <translation>Allikates lingina alles videod, helid ja veebilehed: {count}.</translation>
    </message>
    <message>
        <source>Date read from the text: {where}: {date} (from “{words}”)</source>
        <translation>Tekstist loetud kuupäev: {where}: {date} (sõnadest „{words}“)</translation>
    </message>
    <message>
        <source>Notes from the import:</source>
        <translation>Impordi märkused (inglise keeles):</translation>
    </message>
    <message>
        <source>slide {number}</source>
        <translation>slaid {number}</translation>
    </message>
    <message>
        <source>event {number}</source>
        <translation>sündmus {number}</translation>
    </message>
    <message>
        <source>row {number}</source>
        <translation>rida {number}</translation>
    </message>
    <message>
        <source>{where} “{headline}”</source>
        <translation>{where} „{headline}“</translation>
    </message>
</context>
<context>
    <name>AttractScreen</name>
    <message>
        <location filename="../../src/storyplayer/ui/attract_screen.py" line="177"/>
        <location filename="../../src/storyplayer/ui/attract_screen.py" line="247"/>
        <source>Story Player</source>
        <translation>Lugude mängija</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/attract_screen.py" line="192"/>
        <source>Cover of {title}</source>
        <translation>Kaanepilt: {title}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/attract_screen.py" line="198"/>
        <source>Story {k} of {n}</source>
        <translation>Lugu {k}/{n}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/attract_screen.py" line="248"/>
        <source>Touch to begin</source>
        <translation>Puuduta, et alustada</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/attract_screen.py" line="251"/>
        <source>Featured stories. Touch the screen to begin.</source>
        <translation>Esiletõstetud lood. Alustamiseks puuduta ekraani.</translation>
    </message>
</context>
<context>
    <name>Category</name>
    <message>
        <location filename="../../src/storyplayer/ui/story_card.py" line="54"/>
        <source>History</source>
        <translation>Ajalugu</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_card.py" line="55"/>
        <source>Politics</source>
        <translation>Poliitika</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_card.py" line="56"/>
        <source>War</source>
        <translation>Sõda</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_card.py" line="57"/>
        <source>Religion</source>
        <translation>Religioon</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_card.py" line="58"/>
        <source>Revolution</source>
        <translation>Revolutsioon</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_card.py" line="59"/>
        <source>Occupation</source>
        <translation>Okupatsioon</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_card.py" line="60"/>
        <source>Culture</source>
        <translation>Kultuur</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_card.py" line="61"/>
        <source>Science</source>
        <translation>Teadus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_card.py" line="62"/>
        <source>Architecture</source>
        <translation>Arhitektuur</translation>
    </message>
</context>
<context>
    <name>EndCard</name>
    <message>
        <location filename="../../src/storyplayer/ui/end_card.py" line="23"/>
        <source>The story is finished</source>
        <translation>Lugu on lõppenud</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/end_card.py" line="34"/>
        <source>You can play the story again, or close it and choose new stories. Up to three stories can play at once.</source>
        <translation>Võid loo uuesti mängida või selle sulgeda ja valida uued lood. Korraga saab mängida kuni kolm lugu.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/end_card.py" line="41"/>
        <source>Play again</source>
        <translation>Mängi uuesti</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/end_card.py" line="43"/>
        <source>Close</source>
        <translation>Sulge</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/end_card.py" line="49"/>
        <source>Play this story again from the start</source>
        <translation>Mängi see lugu algusest peale uuesti</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/end_card.py" line="50"/>
        <source>Close this story and free its place</source>
        <translation>Sulge see lugu ja vabasta selle koht</translation>
    </message>
</context>
<context>
    <name>EventList</name>
    <message>
        <location filename="../../src/storyplayer/ui/event_list.py" line="73"/>
        <location filename="../../src/storyplayer/ui/event_list.py" line="74"/>
        <source>Events in this story</source>
        <translation>Selle loo sündmused</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/event_list.py" line="75"/>
        <source>Choose an event to jump to it</source>
        <translation>Vali sündmus, et selle juurde minna</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/event_list.py" line="76"/>
        <source>Back to the story</source>
        <translation>Tagasi loo juurde</translation>
    </message>
</context>
<context>
    <name>EventView</name>
    <message>
        <location filename="../../src/storyplayer/ui/event_view.py" line="190"/>
        <source>Picture unavailable</source>
        <translation>Pilt pole saadaval</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/event_view.py" line="150"/>
        <source>Picture</source>
        <translation>Pilt</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/event_view.py" line="150"/>
        <source>Sources</source>
        <translation>Allikad</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../src/storyplayer/ui/main_window.py" line="31"/>
        <location filename="../../src/storyplayer/ui/main_window.py" line="158"/>
        <source>Story Player</source>
        <translation>Lugude mängija</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/app.py" line="158"/>
        <source>Some settings could not be used: see --check-config.</source>
        <translation>Mõnda seadet ei saanud kasutada: vaata --check-config.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/app.py" line="283"/>
        <source>The text size holds until the app closes: the settings file is read-only.</source>
        <translation>Teksti suurus kehtib rakenduse sulgemiseni: seadete fail on kirjutuskaitstud.</translation>
    </message>
</context>
<context>
    <name>MapNames</name>
    <message>
        <location filename="../../src/storyplayer/ui/map_names.py" line="85"/>
        <source>Old map</source>
        <translation>Vana kaart</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <location filename="../../src/storyplayer/ui/notices.py" line="35"/>
        <source>Dismiss</source>
        <translation>Sulge teade</translation>
    </message>
</context>
<context>
    <name>Picker</name>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="370"/>
        <location filename="../../src/storyplayer/ui/picker.py" line="383"/>
        <source>All categories</source>
        <translation>Kõik teemad</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="378"/>
        <source>Choose stories</source>
        <translation>Vali lood</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="379"/>
        <source>Choose up to three. They play side by side on one map.</source>
        <translation>Vali kuni kolm. Need mängivad kõrvuti ühel kaardil.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="380"/>
        <location filename="../../src/storyplayer/ui/picker.py" line="381"/>
        <source>Search stories</source>
        <translation>Otsi lugusid</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="382"/>
        <source>Category</source>
        <translation>Teema</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="384"/>
        <source>Stories</source>
        <translation>Lood</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="386"/>
        <source>Press Space to choose or un-choose a story, Enter to play.</source>
        <translation>Tühik valib loo või tühistab valiku, Enter alustab.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="388"/>
        <source>Play</source>
        <translation>Mängi</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="389"/>
        <source>Play the chosen stories</source>
        <translation>Mängi valitud lugusid</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="390"/>
        <source>No stories match your search.</source>
        <translation>Otsingule vastavaid lugusid ei leitud.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="420"/>
        <source>You can choose up to three stories. To change your choice, uncheck an earlier one first.</source>
        <translation>Valida saab kuni kolm lugu. Valiku muutmiseks tühista kõigepealt mõni varasem valik.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="427"/>
        <source>This story cannot be played: {reason}</source>
        <translation>Seda lugu ei saa mängida: {reason}</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="429"/>
        <source>This story cannot be played.</source>
        <translation>Seda lugu ei saa mängida.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="438"/>
        <source>No stories chosen yet. Tap a card to choose it.</source>
        <translation>Ühtegi lugu pole veel valitud. Valimiseks puuduta kaarti.</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="442"/>
        <source>{count} of {most} chosen</source>
        <translation>{count}/{most} valitud</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/picker.py" line="444"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Add story…</source>
        <translation>Lisa lugu…</translation>
    </message>
    <message>
        <source>Add a story from a story package or a StoryMapJS or TimelineJS file</source>
        <translation>Lisa lugu loopaketist või StoryMapJS- või TimelineJS-failist</translation>
    </message>
</context>
<context>
    <name>PinPad</name>
    <message>
        <location filename="../../src/storyplayer/ui/pin_pad.py" line="82"/>
        <source>Staff only: enter the PIN to leave kiosk mode</source>
        <translation>Ainult töötajatele: kioskirežiimist väljumiseks sisesta PIN-kood</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/pin_pad.py" line="83"/>
        <source>Cancel</source>
        <translation>Loobu</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/pin_pad.py" line="84"/>
        <source>Cancel and return</source>
        <translation>Loobu ja mine tagasi</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/pin_pad.py" line="85"/>
        <source>Delete the last digit</source>
        <translation>Kustuta viimane number</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/pin_pad.py" line="86"/>
        <source>Confirm the PIN</source>
        <translation>Kinnita PIN-kood</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/pin_pad.py" line="87"/>
        <source>Digits entered</source>
        <translation>Sisestatud numbrid</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/pin_pad.py" line="131"/>
        <source>Wrong PIN</source>
        <translation>Vale PIN</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/pin_pad.py" line="140"/>
        <source>Try again in {seconds} s</source>
        <translation>Proovi uuesti {seconds} s pärast</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/pin_pad.py" line="160"/>
        <source>Try again in {minutes} min</source>
        <translation>Proovi uuesti {minutes} min pärast</translation>
    </message>
</context>
<context>
    <name>PlaybackView</name>
    <message>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="98"/>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="132"/>
        <source>Choose stories</source>
        <translation>Vali lood</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="102"/>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="134"/>
        <source>Stop playing and go back to the stories</source>
        <translation>Lõpeta esitus ja mine tagasi lugude juurde</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="104"/>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="165"/>
        <source>Pause all</source>
        <translation>Peata kõik</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="108"/>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="344"/>
        <source>In date order</source>
        <translation>Kuupäevade järjekorras</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="113"/>
        <source>Play every story&apos;s events together, in the order of their dates</source>
        <translation>Mängi kõigi lugude sündmusi koos, nende kuupäevade järjekorras</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="115"/>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="136"/>
        <source>Step by hand</source>
        <translation>Liigu käsitsi</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="120"/>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="135"/>
        <source>Story Player</source>
        <translation>Lugude mängija</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="139"/>
        <source>When on, events wait for you: step with the arrow keys, Page Down or a clicker</source>
        <translation>Kui see on sees, ootavad sündmused sind: liigu edasi nooleklahvide, Page Down klahvi või esituspuldiga</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="140"/>
        <source>Pause or play every story</source>
        <translation>Peata või mängi kõiki lugusid</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/playback_view.py" line="165"/>
        <source>Play all</source>
        <translation>Mängi kõik</translation>
    </message>
</context>
<context>
    <name>ProgressStrip</name>
    <message>
        <location filename="../../src/storyplayer/ui/progress_strip.py" line="24"/>
        <source>Story progress</source>
        <translation>Loo edenemine</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/progress_strip.py" line="35"/>
        <source>Event %1 of %2</source>
        <translation>Sündmus %1/%2</translation>
    </message>
</context>
<context>
    <name>StoryCardDelegate</name>
    <message>
        <location filename="../../src/storyplayer/ui/story_card.py" line="216"/>
        <source>Cannot be played</source>
        <translation>Ei saa mängida</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_card.py" line="327"/>
        <source>1 event</source>
        <translation>1 sündmus</translation>
    </message>
    <message numerus="yes">
        <location filename="../../src/storyplayer/ui/story_card.py" line="327"/>
        <source>%n events</source>
        <translation>
            <numerusform>%n sündmus</numerusform>
            <numerusform>%n sündmust</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_card.py" line="328"/>
        <source>{events} · {minutes} min</source>
        <translation>{events} · {minutes} min</translation>
    </message>
</context>
<context>
    <name>StoryListModel</name>
    <message>
        <location filename="../../src/storyplayer/ui/story_list_model.py" line="159"/>
        <source>chosen</source>
        <translation>valitud</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_list_model.py" line="159"/>
        <source>not chosen</source>
        <translation>valimata</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_list_model.py" line="179"/>
        <source>{name}, cannot be played</source>
        <translation>{name}, ei saa mängida</translation>
    </message>
    <message>
        <source>Cover: {credit}</source>
        <translation>Kaanepilt: {credit}</translation>
    </message>
</context>
<context>
    <name>StoryPane</name>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="71"/>
        <source>Events</source>
        <translation>Sündmused</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="75"/>
        <source>List of events</source>
        <translation>Sündmuste loend</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="76"/>
        <source>Jump to any event of this story</source>
        <translation>Mine selle loo mis tahes sündmuse juurde</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="101"/>
        <source>Previous event</source>
        <translation>Eelmine sündmus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="102"/>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="186"/>
        <source>Pause</source>
        <translation>Peata</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="103"/>
        <source>Next event</source>
        <translation>Järgmine sündmus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="104"/>
        <source>Show on map</source>
        <translation>Näita kaardil</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="107"/>
        <source>Move the map to this event&apos;s place</source>
        <translation>Vii kaart selle sündmuse toimumiskohta</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="186"/>
        <source>Play</source>
        <translation>Mängi</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="200"/>
        <source>Finished</source>
        <translation>Lõppenud</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="203"/>
        <source>Event %1 of %2</source>
        <translation>Sündmus %1/%2</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="207"/>
        <source>Waiting for its first date</source>
        <translation>Ootab oma algust</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="214"/>
        <source>manual</source>
        <translation>käsitsi</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="212"/>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="216"/>
        <source>paused</source>
        <translation>peatatud</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="210"/>
        <location filename="../../src/storyplayer/ui/story_pane.py" line="219"/>
        <source>%1 s left</source>
        <translation>%1 s jäänud</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <location filename="../../src/storyplayer/ui/timeline_strip.py" line="84"/>
        <source>Timeline</source>
        <translation>Ajajoon</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/timeline_strip.py" line="320"/>
        <source>No date</source>
        <translation>Kuupäev puudub</translation>
    </message>
</context>
<context>
    <name>WaitingCard</name>
    <message>
        <location filename="../../src/storyplayer/ui/waiting_card.py" line="1"/>
        <source>Waiting for its turn</source>
        <translation>Ootab oma järge</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/waiting_card.py" line="1"/>
        <source>Starts: %1</source>
        <translation>Algab: %1</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/waiting_card.py" line="1"/>
        <source>In date order this story begins when the others reach its first date.</source>
        <translation>Kuupäevade järjekorras algab see lugu siis, kui teised jõuavad tema esimese kuupäevani.</translation>
    </message>
</context>
<context>
    <name>StaffReport</name>
    <message>
        <location filename="../../src/storyplayer/ui/staff_report.py" line="1"/>
        <source>Story “%1” cannot be played:</source>
        <translation>Lugu „%1“ ei saa mängida:</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/staff_report.py" line="1"/>
        <source>For staff: what visitors are not shown</source>
        <translation>Töötajatele: mida külastajatele ei näidata</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/staff_report.py" line="1"/>
        <source>Problems</source>
        <translation>Probleemid</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/staff_report.py" line="1"/>
        <source>Leave kiosk mode</source>
        <translation>Lahku kioskirežiimist</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/staff_report.py" line="1"/>
        <source>Back to visitors</source>
        <translation>Tagasi külastajate juurde</translation>
    </message>
</context>
<context>
    <name>SettingsMenu</name>
    <message>
        <location filename="../../src/storyplayer/ui/settings_menu.py" line="1"/>
        <source>Normal text size (now %1 %)</source>
        <translation>Tavaline tekstisuurus (praegu %1%)</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/settings_menu.py" line="1"/>
        <source>Settings</source>
        <translation>Seaded</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/settings_menu.py" line="1"/>
        <source>Larger text</source>
        <translation>Suurem tekst</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/settings_menu.py" line="1"/>
        <source>Smaller text</source>
        <translation>Väiksem tekst</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/settings_menu.py" line="1"/>
        <source>Normal text size</source>
        <translation>Tavaline tekstisuurus</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/settings_menu.py" line="1"/>
        <source>High contrast</source>
        <translation>Suur kontrastsus</translation>
    </message>
</context>
<context>
    <name>SettingsButton</name>
    <message>
        <location filename="../../src/storyplayer/ui/settings_menu.py" line="1"/>
        <source>Settings: text size, high contrast, language</source>
        <translation>Seaded: teksti suurus, suur kontrastsus, keel</translation>
    </message>
    <message>
        <location filename="../../src/storyplayer/ui/settings_menu.py" line="1"/>
        <source>Settings</source>
        <translation>Seaded</translation>
    </message>
</context>
</TS>
