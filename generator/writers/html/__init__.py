"""The HTML participant pack and facilitator guide: one self-contained page each."""
