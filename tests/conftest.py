"""The suite speaks English whatever the machine's locale, unless a test asks otherwise.

The app and the commands follow LC_ALL, LC_MESSAGES and LANG (a zh_TW machine gets
繁體中文); the tests that check English words set English here, before Qt or any
command reads the locale, and the language tests choose theirs explicitly.
"""

import os

for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
    os.environ.pop(variable, None)
os.environ["LANG"] = "C.UTF-8"
