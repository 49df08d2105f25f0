"""Prints, as JSON, the labels shown in each top-level window of the running applications whose title is given:
the dialog's own words as the toolkit holds them (AT-SPI), not a reading of pixels."""
import json
import sys

import pyatspi


def labels(node, out):
    try:
        role, name = node.getRoleName(), node.name
    except Exception:
        return
    # Only what is on screen: a collapsed expander's labels are in the tree too.
    if role == "label" and name and node.getState().contains(pyatspi.STATE_SHOWING):
        out.append(name)
    for i in range(node.childCount):
        try:
            labels(node.getChildAtIndex(i), out)
        except Exception:
            pass


def main():
    title = sys.argv[1]
    found = []
    for app in pyatspi.Registry.getDesktop(0):
        if app is None:
            continue
        for i in range(app.childCount):
            w = app.getChildAtIndex(i)
            if w.name == title:
                out = []
                labels(w, out)
                found.append(out)
    print(json.dumps(found))


main()
