#pragma once
// Terminal output shared by the commands that run the pipeline (render, make, continue).

#include "CliCommand.h"
#include "pipeline/RenderStage.h"
#include "util/Error.h"

#include <QString>

#include <cstdio>
#include <map>

class QObject;

namespace diy {
class Job;
}

namespace diy::cli {

QString formatDuration(qint64 ms); ///< "1:05", "--:--" for unknown
QString bar(double fraction, int width = 24);
/// The exit code for a failed run (see ExitCode).
int exitCodeFor(const Error &error);

/// While alive, SIGINT/SIGTERM cancel `job` (polled on its thread); restores the defaults after.
class InterruptGuard {
public:
    explicit InterruptGuard(Job *job);
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

private:
    QObject *m_poll;
};

/// Draws progress. Stages overlap (narration and checks run beside the encodes), so each stage
/// keeps its own counts. On a terminal one line is redrawn in place: the overall bar with its ETA
/// and the running stages; a finished stage prints a line above it. Otherwise (logs, CI) one plain
/// line per event.
class ProgressPrinter {
public:
    explicit ProgressPrinter(bool terminal, bool quiet) : m_terminal(terminal), m_quiet(quiet) {}

    void stageStarted(RenderStage stage, int items, int reused)
    {
        Stage &st = m_stages[stage];
        st.items = items;
        st.done = reused;
        st.running = true;
        if (m_quiet)
            return;
        if (!m_terminal)
            printOut(QStringLiteral("[%1] started: %2 item%3, %4 reused from earlier runs")
                         .arg(renderStageId(stage))
                         .arg(items)
                         .arg(items == 1 ? QString() : QStringLiteral("s"))
                         .arg(reused));
        draw();
    }
    void itemFinished(RenderStage stage, bool reused)
    {
        if (!reused)
            ++m_stages[stage].done;
    }
    void stageProgress(RenderStage stage, double fraction) { m_stages[stage].fraction = fraction; }
    void progress(double overall, qint64 overallEta)
    {
        m_overall = overall;
        m_overallEta = overallEta;
        draw();
    }
    void stageFinished(RenderStage stage, double seconds)
    {
        Stage &st = m_stages[stage];
        st.running = false;
        st.fraction = 1.0;
        if (m_quiet)
            return;
        const QString line = QStringLiteral("%1 done: %2 item%3 in %4 s")
                                 .arg(renderStageTitle(stage))
                                 .arg(st.items)
                                 .arg(st.items == 1 ? QString() : QStringLiteral("s"))
                                 .arg(seconds, 0, 'f', 1);
        if (m_terminal) {
            clearLine();
            printOut(QStringLiteral("  ") + QString(QChar(0x2713)) + QLatin1Char(' ') + line);
            draw();
        } else {
            printOut(QStringLiteral("[%1] done in %2 s").arg(renderStageId(stage)).arg(seconds, 0, 'f', 1));
        }
    }
    void clearLine()
    {
        if (m_terminal && !m_quiet) {
            std::fputs("\r\033[K", stdout);
            std::fflush(stdout);
        }
    }

private:
    struct Stage {
        int items = 0;
        int done = 0;
        double fraction = 0.0;
        bool running = false;
    };

    void draw()
    {
        if (m_quiet || !m_terminal)
            return;
        QStringList active;
        for (const auto &[stage, st] : m_stages)
            if (st.running)
                active << QStringLiteral("%1 %2/%3 %4%").arg(renderStageId(stage)).arg(st.done).arg(st.items).arg(int(st.fraction * 100));
        const QString line = QStringLiteral("\r\033[KRendering %1 %2%  ETA %3  %4")
                                 .arg(bar(m_overall))
                                 .arg(int(m_overall * 100), 3)
                                 .arg(formatDuration(m_overallEta))
                                 .arg(active.join(QStringLiteral(" · ")));
        const QByteArray bytes = line.toUtf8();
        std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
        std::fflush(stdout);
    }

    bool m_terminal;
    bool m_quiet;
    std::map<RenderStage, Stage> m_stages;
    double m_overall = 0.0;
    qint64 m_overallEta = -1;
};

} // namespace diy::cli
