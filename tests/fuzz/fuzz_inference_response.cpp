// libFuzzer entry for the inference response (see FuzzTargets.h). Built by the `fuzz` preset.
#include "FuzzTargets.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diy::fuzz::inferenceResponse(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
