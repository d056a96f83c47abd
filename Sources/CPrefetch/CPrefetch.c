// Everything is in include/CPrefetch.h (static inline, so that Swift inlines it).
#include "CPrefetch.h"
