"""Qt widgets that present the model: window, picker, story panes, end card."""
