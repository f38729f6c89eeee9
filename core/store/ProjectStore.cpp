#include "store/ProjectStore.h"

#include "model/JsonReader.h"
#include "store/ProjectAssetCheck.h"
#include "store/ProjectFiles.h"
#include "util/AtomicFile.h"
#include "util/ContentHash.h"
#include "util/JsonParser.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>

#include <nlohmann/json.hpp>

namespace diy {

using nlohmann::json;

QString ProjectStore::projectFile(const QString &folder)
{
    return QDir(folder).filePath(QStringLiteral("project.json"));
}

QString ProjectStore::assetsDir(const QString &folder)
{
    return QDir(folder).filePath(QStringLiteral("assets"));
}

QString ProjectStore::imagesDir(const QString &folder)
{
    return QDir(folder).filePath(QStringLiteral("assets/images"));
}

QString ProjectStore::cacheDir(const QString &folder)
{
    return QDir(folder).filePath(QStringLiteral("assets/cache"));
}

QString ProjectStore::rendersDir(const QString &folder)
{
    return QDir(folder).filePath(QStringLiteral("renders"));
}

Result<Project> ProjectStore::parse(const QByteArray &bytes, const QString &sourceName, FieldProblems *problemsOut)
{
    // Untrusted bytes: bounded size and depth, every nlohmann exception (syntax, numbers outside
    // the double range, bad UTF-8) turned into a message.
    Result<json> parsed = JsonParser::parse(bytes, sourceName, {kMaxProjectFileBytes, kMaxJsonDepth});
    if (!parsed) {
        if (problemsOut)
            problemsOut->append({QStringLiteral("/"), parsed.error().message});
        Error e = parsed.error();
        e.message += QStringLiteral(" The file was left untouched.");
        return e;
    }
    const json &doc = *parsed;
    FieldProblems problems;
    Project project = Project::fromJson(doc, &problems);
    if (!problems.isEmpty()) {
        if (problemsOut)
            problemsOut->append(problems);
        const QStringList lines = problemLines(problems);
        const bool newer = problems.size() == 1 && problems.first().path == QStringLiteral("/schemaVersion")
                           && problems.first().message.contains(QStringLiteral("newer"));
        if (newer)
            return Error::invalidInput(problems.first().message, sourceName);
        return Error::invalidInput(QStringLiteral("%1 has %2 problem%3; the file was left untouched. First: %4")
                                       .arg(sourceName)
                                       .arg(problems.size())
                                       .arg(problems.size() == 1 ? QString() : QStringLiteral("s"))
                                       .arg(lines.first()),
                                   lines.join(QLatin1Char('\n')));
    }
    return project;
}

Result<Project> ProjectStore::load(const QString &folder, FieldProblems *problems)
{
    const QString file = projectFile(folder);
    if (!QFileInfo(folder).isDir())
        return Error::notFound(QStringLiteral("The project folder %1 does not exist.").arg(folder));
    auto bytes = AtomicFile::read(file, kMaxProjectFileBytes);
    if (!bytes) {
        if (bytes.error().kind == Error::Kind::NotFound)
            return Error::notFound(QStringLiteral("%1 has no project.json: it is not a DIY Video Studio project.").arg(folder));
        return bytes.error();
    }
    return parse(*bytes, file, problems);
}

Result<Project> ProjectStore::loadForRender(const QString &folder, FieldProblems *problems)
{
    FieldProblems found;
    Result<Project> loaded = load(folder, &found);
    if (!loaded) {
        if (problems)
            problems->append(found);
        return loaded;
    }
    found = ProjectAssetCheck::check(*loaded, folder);
    if (found.isEmpty())
        return loaded;
    if (problems)
        problems->append(found);
    const QStringList lines = problemLines(found);
    // The first problem as the creator knows it ("Step 2 (photo.jpg): …"); the detail keeps the JSON paths.
    return Error::invalidInput(QStringLiteral("%1 refers to %2 file%3 that cannot be used. First: %4")
                                   .arg(projectFile(folder))
                                   .arg(found.size())
                                   .arg(found.size() == 1 ? QString() : QStringLiteral("s"))
                                   .arg(ProjectAssetCheck::describe(*loaded, found.first())),
                               lines.join(QLatin1Char('\n')));
}

QByteArray ProjectStore::serialize(const Project &project)
{
    const std::string text = project.toJson().dump(2) + "\n";
    return QByteArray(text.data(), qsizetype(text.size()));
}

Status ProjectStore::save(const Project &project, const QString &folder)
{
    if (!QDir().mkpath(assetsDir(folder)))
        return Error::io(QStringLiteral("Cannot create the project folder %1.").arg(folder));
    // A file written by a newer studio is never overwritten: this version would drop what it
    // does not know.
    if (const auto existing = AtomicFile::read(projectFile(folder), 64 * 1024 * 1024); existing.ok()) {
        const auto doc = nlohmann::json::parse(existing->constData(), existing->constData() + existing->size(), nullptr, false);
        if (doc.is_object() && doc.contains("schemaVersion") && doc["schemaVersion"].is_number_integer()
            && doc["schemaVersion"].get<long long>() > Project::kSchemaVersion)
            return Error::invalidInput(
                QStringLiteral("%1 was saved by a newer DIY Video Studio (project format %2; this version writes %3). "
                               "It was not overwritten; update the studio to edit it.")
                    .arg(projectFile(folder))
                    .arg(doc["schemaVersion"].get<long long>())
                    .arg(Project::kSchemaVersion));
    }
    return AtomicFile::write(projectFile(folder), serialize(project));
}

Result<QString> ProjectStore::importImage(const QString &folder, const QString &sourcePath, QString *sha256)
{
    const QFileInfo info(sourcePath);
    if (!info.isFile())
        return Error::invalidInput(QStringLiteral("%1 is not a file.").arg(info.fileName()));
    if (info.size() > ProjectFiles::kMaxImageBytes)
        return Error::invalidInput(QStringLiteral("%1 is too large for a scene image (over 64 MB).").arg(info.fileName()));
    QImageReader reader(sourcePath);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format();
    if (format.isEmpty() || !reader.canRead())
        return Error::invalidInput(
            QStringLiteral("%1 is not an image the studio can read (PNG, JPEG, WebP, BMP or GIF).").arg(info.fileName()),
            reader.errorString());
    const QSize size = reader.size();
    if (size.isValid() && (size.width() < 64 || size.height() < 64))
        return Error::invalidInput(QStringLiteral("%1 is too small (%2×%3); use at least 64×64 pixels.")
                                       .arg(info.fileName())
                                       .arg(size.width())
                                       .arg(size.height()));
    // Decode fully once so a truncated or corrupt file is refused now rather than at render time.
    QImageReader check(sourcePath);
    check.setDecideFormatFromContent(true);
    if (check.read().isNull())
        return Error::invalidInput(QStringLiteral("%1 is damaged: it could not be decoded.").arg(info.fileName()),
                                   check.errorString());

    const QString hash = ContentHash::ofFile(sourcePath, ProjectFiles::kMaxImageBytes);
    if (hash.isEmpty())
        return Error::io(QStringLiteral("Cannot read %1.").arg(info.fileName()));
    const QString ext = QString::fromLatin1(format).toLower();
    const QString relative = QStringLiteral("assets/images/%1.%2").arg(hash.left(24), ext);
    const QString target = QDir(folder).filePath(relative);
    if (!QFileInfo::exists(target)) {
        auto bytes = AtomicFile::read(sourcePath, ProjectFiles::kMaxImageBytes);
        if (!bytes)
            return bytes.error();
        if (auto st = AtomicFile::write(target, *bytes); !st)
            return st.error();
    }
    if (sha256)
        *sha256 = hash;
    return relative;
}

} // namespace diy

namespace diy {

Result<QString> ProjectStore::importMusic(const QString &folder, const QString &sourcePath)
{
    const QFileInfo info(sourcePath);
    if (!info.isFile())
        return Error::invalidInput(QStringLiteral("%1 is not a file.").arg(info.fileName()));
    if (info.size() > ProjectFiles::kMaxMusicBytes)
        return Error::invalidInput(QStringLiteral("%1 is too large for background music (over %2 MB).")
                                       .arg(info.fileName())
                                       .arg(ProjectFiles::kMaxMusicBytes / (1024 * 1024)));
    const QString hash = ContentHash::ofFile(sourcePath, ProjectFiles::kMaxMusicBytes);
    if (hash.isEmpty())
        return Error::io(QStringLiteral("Cannot read %1.").arg(info.fileName()));
    QString ext = info.suffix().toLower();
    ext.removeIf([](QChar c) { return !c.isLetterOrNumber() || c.unicode() > 0x7f; });
    const QString relative =
        QStringLiteral("assets/music/%1%2").arg(hash.left(24), ext.isEmpty() ? QString() : QString(QLatin1Char('.') + ext.left(8)));
    const QString target = QDir(folder).filePath(relative);
    if (!QFileInfo::exists(target)) {
        auto bytes = AtomicFile::read(sourcePath, ProjectFiles::kMaxMusicBytes);
        if (!bytes)
            return bytes.error();
        if (auto st = AtomicFile::write(target, *bytes); !st)
            return st.error();
    }
    return relative;
}

} // namespace diy
