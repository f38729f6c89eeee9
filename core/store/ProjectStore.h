#pragma once

#include "model/FieldProblem.h"
#include "model/Project.h"
#include "util/Result.h"

#include <QString>

namespace diy {

/// A project is a folder: project.json (versioned) and assets/. Saves are atomic; a failed load
/// never writes anything, so a broken or newer file is never overwritten by it.
class ProjectStore {
public:
    static constexpr qint64 kMaxProjectFileBytes = 16 * 1024 * 1024;
    static constexpr int kMaxJsonDepth = 64; ///< project.json nests about 6 deep; free JSON gets the rest

    static QString projectFile(const QString &folder); ///< <folder>/project.json
    static QString assetsDir(const QString &folder);   ///< <folder>/assets
    static QString imagesDir(const QString &folder);   ///< <folder>/assets/images
    static QString cacheDir(const QString &folder);    ///< <folder>/assets/cache (hash-keyed work)
    static QString rendersDir(const QString &folder);  ///< <folder>/renders (final videos, reports)

    /// Loads <folder>/project.json. On failure the error's detail lists every problem
    /// ("/brief/expectedSteps: must be between 3 and 8, not 12"), and `problems` receives them.
    static Result<Project> load(const QString &folder, FieldProblems *problems = nullptr);
    /// load() plus ProjectAssetCheck: every referenced file (scene pictures, music) follows the
    /// ProjectFiles rule and decodes. Fails listing every problem; used before rendering.
    static Result<Project> loadForRender(const QString &folder, FieldProblems *problems = nullptr);
    /// Parses a project document from bytes (used by load and by crash recovery).
    static Result<Project> parse(const QByteArray &bytes, const QString &sourceName, FieldProblems *problems = nullptr);
    /// Writes project.json atomically (creates the folder and assets/ when missing).
    static Status save(const Project &project, const QString &folder);
    static QByteArray serialize(const Project &project);

    /// Copies an image into assets/images under its content hash after checking it really is a
    /// readable image. Returns the relative path and fills `sha256`.
    static Result<QString> importImage(const QString &folder, const QString &sourcePath, QString *sha256);
    /// Copies a music file into assets/music under its content hash (brief.musicFile must name a
    /// file inside the project). Returns the relative path.
    static Result<QString> importMusic(const QString &folder, const QString &sourcePath);
};

} // namespace diy
