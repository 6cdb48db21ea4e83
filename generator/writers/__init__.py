"""Writers: turn a plan into the deck, the participant handout and the facilitator guide."""
