"""One-file story packages (.storyplayer): writing one from a story folder, and checking and
installing one that came from someone else. Plain Python: no Qt here.
"""

from storyplayer.sharing.package import (
    InstalledStory,
    PackageError,
    PackageExists,
    install_package,
    pack_story,
)

__all__ = ["InstalledStory", "PackageError", "PackageExists", "install_package", "pack_story"]
