'first'
using namespace System.Text
