"""python -m auditlint"""

from .cli import main

main()
