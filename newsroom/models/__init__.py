from newsroom.models.pages import (
    ClusterNewsPage,
    HomePage,
    NewsIndexPage,
    PressReleasePage,
    PressReleasePageTag,
)
from newsroom.models.records import Award, CertificationBody, Cluster, Label

__all__ = [
    "Award",
    "CertificationBody",
    "Cluster",
    "ClusterNewsPage",
    "HomePage",
    "Label",
    "NewsIndexPage",
    "PressReleasePage",
    "PressReleasePageTag",
]
