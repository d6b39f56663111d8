"""The story editor screen: a story's details, its events and the selected event's form,
beside the shared map; its logic lives in `storyplayer.model.editing`."""
