#include "media/MediaTools.h"

#include "media/CardRenderer.h"

#include <QFileInfo>
#include <QStandardPaths>

namespace diy {

namespace {
const char *overrideVariable(MediaTools::Tool tool)
{
    switch (tool) {
    case MediaTools::Tool::Ffmpeg: return "DIY_FFMPEG";
    case MediaTools::Tool::Ffprobe: return "DIY_FFPROBE";
    case MediaTools::Tool::EspeakNg: return "DIY_ESPEAK";
    }
    return "";
}
} // namespace

QString MediaTools::programName(Tool tool)
{
    switch (tool) {
    case Tool::Ffmpeg: return QStringLiteral("ffmpeg");
    case Tool::Ffprobe: return QStringLiteral("ffprobe");
    case Tool::EspeakNg: return QStringLiteral("espeak-ng");
    }
    return {};
}

QString MediaTools::debianPackage(Tool tool)
{
    switch (tool) {
    case Tool::Ffmpeg:
    case Tool::Ffprobe: return QStringLiteral("ffmpeg");
    case Tool::EspeakNg: return QStringLiteral("espeak-ng");
    }
    return {};
}

Result<QString> MediaTools::locate(Tool tool)
{
    const QString program = programName(tool);
    const QString overridden = qEnvironmentVariable(overrideVariable(tool));
    if (!overridden.isEmpty()) {
        const QFileInfo info(overridden);
        if (info.isFile() && info.isExecutable())
            return info.absoluteFilePath();
        // A bare program name in the variable is looked up on PATH like the default.
        if (!overridden.contains(QLatin1Char('/'))) {
            const QString found = QStandardPaths::findExecutable(overridden);
            if (!found.isEmpty())
                return found;
        }
        Error error = Error::missingTool(program, debianPackage(tool));
        error.detail = QStringLiteral("%1 points to '%2', which is not an executable file")
                           .arg(QString::fromLatin1(overrideVariable(tool)), overridden);
        return error;
    }
    const QString found = QStandardPaths::findExecutable(program);
    if (found.isEmpty())
        return Error::missingTool(program, debianPackage(tool));
    return found;
}

QString MediaTools::engineVersion()
{
    return QStringLiteral("media-1/cards-%1").arg(CardRenderer::engineVersion());
}

} // namespace diy
