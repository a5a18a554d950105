"""Views of points and their actions, one module per page family: thin, they parse, fetch through
a scoped selector (outside the scope: 404), check the role for a visible object (403), call a
service and render."""
