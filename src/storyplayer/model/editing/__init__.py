"""The story editor's logic, without Qt: the round-trip document, the working copy with its
undo commands and validation state, atomic saves and the autosave."""
