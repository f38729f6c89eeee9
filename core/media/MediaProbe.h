#pragma once

// The probe API in one include: ProbeInfo (what ffprobe reports) and MediaProbeJob (runs it).
#include "media/MediaProbeJob.h"
#include "media/ProbeInfo.h"
