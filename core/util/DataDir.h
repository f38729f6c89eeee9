#pragma once

#include "util/Result.h"

#include <QString>
#include <QStringList>

namespace diy {

/// Where the programs find the data they ship with: templates/, config/ and examples/.
///
/// Looked up, in order:
///  1. $DIY_DATA_DIR, when set (and then only there: an explicit choice is never second-guessed);
///  2. a `share/diy-studio` folder beside or above the executable's folder, walking up a few
///     levels: installed, `<prefix>/bin/diy-studio` finds `<prefix>/share/diy-studio`; in the build
///     tree, `build/ci/app/cli/diy-studio-cli` finds `build/ci/share/diy-studio` (CMake fills it
///     with links to the sources at configure time).
/// No build-machine path is compiled into the programs.
class DataDir {
public:
    static constexpr const char *kEnvironmentVariable = "DIY_DATA_DIR";
    static constexpr int kMaxLevelsUp = 4;

    /// The data folder, or an error naming the places searched. `applicationDir` is
    /// QCoreApplication::applicationDirPath() when empty.
    static Result<QString> root(const QString &applicationDir = {});
    /// `relative` (e.g. "config/gateway-check/samples.json") inside the data folder, or an error
    /// that names what is missing and where it was looked for.
    static Result<QString> find(const QString &relative, const QString &applicationDir = {});

    /// The folders root() tries, first to last (for messages and tests). `applicationDir` is
    /// QCoreApplication::applicationDirPath() when empty.
    static QStringList candidates(const QString &applicationDir = {});
};

} // namespace diy
