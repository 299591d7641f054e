using namespace System.Collections.Generic
# using statements come first; exsh resolves type and command names without them.
'after using'
