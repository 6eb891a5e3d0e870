"""House styles as data.

Each module here is one registry: decision cues (``decisions``), minute
numbering schemes (``numbering``), attendance labels (``attendance``) and
agenda layouts (``agenda``), performance-table periods, indicator codes and
column roles (``indicators``), plus the shared vocabulary (``vocab``). An entry
names one printed style and carries a short example written for this project
(never copied from a council's paper) with what the parser must make of it;
``tests/test_styles.py`` runs every example. Adding a council's style is one
entry and its example.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Style:
    """One house style: its name, how it is recognised, and an example.

    ``expect`` holds what the registry's parser must return for ``example``
    (the keys each registry checks are listed in its module).
    """

    name: str
    pattern: str
    example: str
    expect: dict = field(default_factory=dict)
    flags: int = 0
