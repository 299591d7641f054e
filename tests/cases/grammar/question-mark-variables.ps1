# `?` is a variable name character: "$name?" expands the variable `name?`.
$name = 'karen'
"Is it $name?"
"Is it ${name}?"
${name?} = 'set'
"Is it $name?"
