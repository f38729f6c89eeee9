#include "util/Log.h"

#include "util/UrlRedaction.h"

#include <QDir>
#include <QMutex>
#include <QRegularExpression>
#include <QStandardPaths>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/ringbuffer_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>
#include <vector>

namespace diy {

namespace {

QMutex &secretsMutex()
{
    static QMutex mutex;
    return mutex;
}

QStringList &secrets()
{
    static QStringList list;
    return list;
}

/// Forwards each record to its children with the payload redacted.
class RedactingSink final : public spdlog::sinks::base_sink<std::mutex> {
public:
    void addChild(spdlog::sink_ptr child) { m_children.push_back(std::move(child)); }

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        const QString original = QString::fromUtf8(msg.payload.data(), qsizetype(msg.payload.size()));
        const QByteArray redacted = Log::redact(original).toUtf8();
        spdlog::details::log_msg copy(msg.time, msg.source, msg.logger_name, msg.level,
                                      spdlog::string_view_t(redacted.constData(), std::size_t(redacted.size())));
        for (auto &child : m_children) {
            if (child->should_log(copy.level))
                child->log(copy);
        }
    }
    void flush_() override
    {
        for (auto &child : m_children)
            child->flush();
    }

private:
    std::vector<spdlog::sink_ptr> m_children;
};

std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> &ringSink()
{
    static std::shared_ptr<spdlog::sinks::ringbuffer_sink_mt> sink;
    return sink;
}

std::shared_ptr<spdlog::logger> &theLogger()
{
    static std::shared_ptr<spdlog::logger> logger;
    return logger;
}

} // namespace

void Log::init(const Options &options)
{
    auto redacting = std::make_shared<RedactingSink>();
    ringSink() = std::make_shared<spdlog::sinks::ringbuffer_sink_mt>(options.ringBufferLines);
    ringSink()->set_pattern("%H:%M:%S.%e %-7l %v");
    redacting->addChild(ringSink());
    if (!options.directory.isEmpty() && QDir().mkpath(options.directory)) {
        try {
            const QString path = QDir(options.directory).filePath(QStringLiteral("diy_video_production.log"));
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path.toStdString(), 5 * 1024 * 1024, 3);
            file->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%l] [%t] %v");
            redacting->addChild(file);
        } catch (const spdlog::spdlog_ex &) {
            // A read-only data folder must not stop the program; the other sinks still work.
        }
    }
    if (options.console) {
        auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        console->set_pattern("%^%l%$: %v");
        console->set_level(options.verbose ? spdlog::level::debug : spdlog::level::warn);
        redacting->addChild(console);
    }
    auto logger = std::make_shared<spdlog::logger>("diy", redacting);
    logger->set_level(options.verbose ? spdlog::level::debug : spdlog::level::info);
    logger->flush_on(spdlog::level::warn);
    theLogger() = logger;
}

std::shared_ptr<spdlog::logger> Log::logger()
{
    if (!theLogger())
        init(Options{});
    return theLogger();
}

QStringList Log::recentLines(std::size_t limit)
{
    QStringList lines;
    if (!ringSink())
        return lines;
    for (const auto &line : ringSink()->last_formatted(limit)) {
        QString text = QString::fromStdString(line);
        while (text.endsWith(QLatin1Char('\n')))
            text.chop(1);
        lines.append(text);
    }
    return lines;
}

void Log::registerSecret(const QString &secret)
{
    if (secret.size() < 4)
        return;
    QMutexLocker lock(&secretsMutex());
    if (!secrets().contains(secret))
        secrets().append(secret);
}

QString Log::redact(const QString &line)
{
    static const QRegularExpression patterns[] = {
        QRegularExpression(QStringLiteral(R"((authorization\s*[:=]\s*)("?)[^"\s,;]+(\s+[^"\s,;]+)?)"),
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"((bearer\s+)[A-Za-z0-9._~+/=-]+)"), QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"(((?:api[_-]?key|x-goog-api-key|token|secret|password)["']?\s*[:=]\s*["']?)[^"'\s&,;]+)"),
                           QRegularExpression::CaseInsensitiveOption),
        QRegularExpression(QStringLiteral(R"((\b)sk-[A-Za-z0-9_-]{8,})")),
    };
    QString out = UrlRedaction::text(line);
    for (const auto &re : patterns)
        out.replace(re, QStringLiteral("\\1***"));
    QMutexLocker lock(&secretsMutex());
    for (const QString &secret : secrets())
        out.replace(secret, QStringLiteral("***"));
    return out;
}

QString Log::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

void logInfo(const QString &message)
{
    Log::logger()->info(message.toStdString());
}
void logWarning(const QString &message)
{
    Log::logger()->warn(message.toStdString());
}
void logError(const QString &message)
{
    Log::logger()->error(message.toStdString());
}
void logDebug(const QString &message)
{
    Log::logger()->debug(message.toStdString());
}

} // namespace diy
