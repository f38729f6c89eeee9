// libFuzzer entry for the script validator (see FuzzTargets.h). Built by the `fuzz` preset.
#include "FuzzTargets.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    diy::fuzz::scriptValidator(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}
