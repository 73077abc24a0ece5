"""The publishing desk: editors write, schedule, publish, revise and trash posts."""
