"""Prints, as JSON, the alerts (GTK info bars) shown inside the window whose title is given: their labels and
where they sit in the window (x, y, width, height), so that a picture can be cropped to them. Evolution shows
its errors there, not in dialogs."""
import json
import sys

import pyatspi


def labels(node, out):
    try:
        role, name = node.getRoleName(), node.name
    except Exception:
        return
    if role == "label" and name and node.getState().contains(pyatspi.STATE_SHOWING):
        out.append(name)
    for i in range(node.childCount):
        try:
            labels(node.getChildAtIndex(i), out)
        except Exception:
            pass


def bars(node, out):
    try:
        role = node.getRoleName()
        showing = node.getState().contains(pyatspi.STATE_SHOWING)
    except Exception:
        return
    if role == "info bar" and showing:
        found = []
        labels(node, found)
        x, y, w, h = node.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
        out.append({"labels": found, "x": x, "y": y, "width": w, "height": h})
        return
    for i in range(node.childCount):
        try:
            bars(node.getChildAtIndex(i), out)
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
                bars(w, found)
    print(json.dumps(found))


main()
