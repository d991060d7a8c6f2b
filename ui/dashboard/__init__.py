"""The Dashboard tab: the business at a glance, each figure opening the list behind it."""
