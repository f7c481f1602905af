"""Events: PLOVER events (who did what to whom, where and when) and their attribution."""
