"""The "Rapporter" pages: a round's board deck and appendices, downloaded from the web."""
