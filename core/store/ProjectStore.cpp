#include "store/ProjectStore.h"

#include "model/JsonReader.h"
#include "util/AtomicFile.h"
#include "util/ContentHash.h"

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
    json doc;
    try {
        doc = json::parse(bytes.constData(), bytes.constData() + bytes.size());
    } catch (const json::parse_error &e) {
        const QString what = QString::fromUtf8(e.what());
        FieldProblems one{{QStringLiteral("/"), QStringLiteral("not valid JSON at byte %1").arg(e.byte)}};
        if (problemsOut)
            problemsOut->append(one);
        return Error::invalidInput(
            QStringLiteral("%1 is not valid JSON (error at byte %2). The file was left untouched.").arg(sourceName).arg(e.byte),
            what);
    }
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
    if (info.size() > 64 * 1024 * 1024)
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
        return Error::invalidInput(
            QStringLiteral("%1 is too small (%2×%3); use at least 64×64 pixels.").arg(info.fileName()).arg(size.width()).arg(size.height()));
    // Decode fully once so a truncated or corrupt file is refused now rather than at render time.
    QImageReader check(sourcePath);
    check.setDecideFormatFromContent(true);
    if (check.read().isNull())
        return Error::invalidInput(QStringLiteral("%1 is damaged: it could not be decoded.").arg(info.fileName()),
                                   check.errorString());

    const QString hash = ContentHash::ofFile(sourcePath);
    const QString ext = QString::fromLatin1(format).toLower();
    const QString relative = QStringLiteral("assets/images/%1.%2").arg(hash.left(24), ext);
    const QString target = QDir(folder).filePath(relative);
    if (!QFileInfo::exists(target)) {
        auto bytes = AtomicFile::read(sourcePath, 64 * 1024 * 1024);
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
