"""Qt widgets of SpasmGuide. Each widget receives its model or engine in its constructor."""
