#pragma once

#include <QString>

namespace diy {

/// Escaping for FFmpeg's filtergraph syntax.
class FilterEscaping {
public:
    /// A value for a filter option inside a -filter_complex / -vf graph: first escaped as an option
    /// value (\ ' :), then at the graph level (\ ' [ ] , ;). Use for file paths (ass=filename=…).
    static QString filterArgument(const QString &value);
    /// Only the first level (option value); for values passed where no graph parsing happens.
    static QString optionValue(const QString &value);
    /// A path for a concat demuxer list line: file '<escaped>' (single quotes as '\'' ).
    static QString concatListPath(const QString &path);
};

} // namespace diy
