#include "store/ProjectAssetCheck.h"

#include "model/JsonReader.h"
#include "store/ProjectFiles.h"

#include <QImage>
#include <QImageReader>
#include <QRegularExpression>

namespace diy {

namespace {

/// Why the file is not a picture the card renderer can use, or empty.
QString imageProblem(const QString &path)
{
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    if (reader.format().isEmpty())
        return QStringLiteral("is not an image the studio can read (PNG, JPEG, WebP, BMP or GIF)");
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > 100'000'000LL)
        return QStringLiteral("is too large an image (%1×%2 pixels)").arg(size.width()).arg(size.height());
    if (reader.read().isNull())
        return QStringLiteral("is damaged: it could not be decoded (%1)").arg(reader.errorString());
    return {};
}

} // namespace

FieldProblems ProjectAssetCheck::check(const Project &project, const QString &projectDir)
{
    FieldProblems problems;
    for (qsizetype i = 0; i < project.sceneImages.size(); ++i) {
        const SceneImage &image = project.sceneImages.at(i);
        if (image.source == SceneImage::Source::Card || image.isPendingGeneration())
            continue; // a card is drawn; a pending picture is made by the pictures stage
        const QString path =
            JsonReader::child(JsonReader::child(QStringLiteral("/sceneImages"), std::size_t(i)), QStringLiteral("file"));
        const Result<QString> file = ProjectFiles::resolve(projectDir, image.file, ProjectFiles::kMaxImageBytes);
        if (!file) {
            problems.append({path, file.error().message});
            continue;
        }
        if (const QString why = imageProblem(*file); !why.isEmpty())
            problems.append({path, QStringLiteral("%1 %2").arg(image.file, why)});
    }
    if (!project.brief.musicFile.isEmpty()) {
        const Result<QString> music = ProjectFiles::resolve(projectDir, project.brief.musicFile, ProjectFiles::kMaxMusicBytes);
        if (!music)
            problems.append({QStringLiteral("/brief/musicFile"), music.error().message});
    }
    return problems;
}

QString ProjectAssetCheck::where(const Project &project, const QString &problemPath)
{
    if (problemPath == QStringLiteral("/brief/musicFile"))
        return QStringLiteral("The background music");
    static const QRegularExpression sceneImage(QStringLiteral("^/sceneImages/(\\d+)(/|$)"));
    const QRegularExpressionMatch match = sceneImage.match(problemPath);
    if (!match.hasMatch())
        return {};
    bool ok = false;
    const qsizetype index = match.captured(1).toLongLong(&ok);
    const QList<Scene> scenes = project.scenes();
    if (!ok || index < 0 || index >= scenes.size())
        return {};
    const QString name = index < project.sceneImages.size() ? project.sceneImages.at(index).originalName : QString();
    return scenes.at(index).displayName() + (name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(name));
}

QString ProjectAssetCheck::describe(const Project &project, const FieldProblem &problem)
{
    const QString place = where(project, problem.path);
    return place.isEmpty() ? problem.message : QStringLiteral("%1: %2").arg(place, problem.message);
}

} // namespace diy
