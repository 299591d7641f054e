# A function defined in a script block run with & is gone after it; dot-sourcing keeps it.
& { function Gone { 'gone' } }
. { function Stays { 'stays' } }
Stays
Gone
