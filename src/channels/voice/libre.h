// The one place libre/librem are included, for .cc files of this folder only.
// Never include this from a public header: other layers must not see libre.
// Build flags (HAVE_INTTYPES_H, ...) come from the tamas_voice target.
#pragma once

#include <re.h>
#include <rem.h>
