//! Cmdlet implementations, registered in one alphabetical list.
