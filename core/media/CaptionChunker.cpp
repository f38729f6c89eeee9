#include "media/CaptionChunker.h"

#include <QFont>
#include <QFontMetricsF>
#include <QRegularExpression>
#include <QTextBoundaryFinder>

#include <algorithm>
#include <optional>

namespace diy {

namespace {

class LineFitter {
public:
    LineFitter(const CaptionStyle &style, QSize frame) : m_metrics(makeFont(style, frame)), m_maxWidth(style.maxLineWidth(frame))
    {
    }

    double width(const QString &text) const { return m_metrics.horizontalAdvance(text); }
    bool fitsLine(const QString &text) const { return width(text) <= m_maxWidth; }

    /// The best two-line (or one-line) layout of these words, or nothing when they need more.
    std::optional<QStringList> layout(const QStringList &words) const
    {
        const QString joined = words.join(QLatin1Char(' '));
        if (fitsLine(joined))
            return QStringList{joined};
        std::optional<QStringList> best;
        double bestScore = 0;
        for (qsizetype i = 1; i < words.size(); ++i) {
            const QString first = words.mid(0, i).join(QLatin1Char(' '));
            const QString second = words.mid(i).join(QLatin1Char(' '));
            const double w1 = width(first);
            const double w2 = width(second);
            if (w1 > m_maxWidth || w2 > m_maxWidth)
                continue;
            const double score = std::max(w1, w2);
            if (!best || score < bestScore) {
                best = QStringList{first, second};
                bestScore = score;
            }
        }
        return best;
    }

    bool fits(const QStringList &words) const { return layout(words).has_value(); }

    /// Words wider than a line are cut at grapheme boundaries into pieces that fit.
    QStringList splitOversizedWords(const QStringList &words) const
    {
        QStringList out;
        for (const QString &word : words) {
            if (fitsLine(word)) {
                out.append(word);
                continue;
            }
            QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, word);
            QString piece;
            qsizetype last = 0;
            for (qsizetype pos = finder.toNextBoundary(); pos != -1; pos = finder.toNextBoundary()) {
                const QString grapheme = word.mid(last, pos - last);
                last = pos;
                if (!piece.isEmpty() && !fitsLine(piece + grapheme)) {
                    out.append(piece);
                    piece.clear();
                }
                piece += grapheme;
            }
            if (!piece.isEmpty())
                out.append(piece);
        }
        return out;
    }

private:
    static QFont makeFont(const CaptionStyle &style, QSize frame)
    {
        QFont font(style.fontFamily);
        font.setPixelSize(style.pixelSize(frame));
        font.setBold(true); // the ASS style is bold
        return font;
    }

    QFontMetricsF m_metrics;
    double m_maxWidth;
};

QStringList words(const QString &text)
{
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

/// Splits after each match of `boundary` (the punctuation stays with the text before it).
QStringList splitAfter(const QString &text, const QRegularExpression &boundary)
{
    QStringList parts;
    qsizetype start = 0;
    auto it = boundary.globalMatch(text);
    while (it.hasNext()) {
        const auto match = it.next();
        const qsizetype end = match.capturedEnd();
        const QString part = text.mid(start, end - start).trimmed();
        if (!part.isEmpty())
            parts.append(part);
        start = end;
    }
    const QString rest = text.mid(start).trimmed();
    if (!rest.isEmpty())
        parts.append(rest);
    return parts;
}

/// Greedy groups of words that each fit two lines, then evened out so the last is not a stub.
QList<QStringList> splitByWords(const LineFitter &fitter, const QStringList &input)
{
    const QStringList all = fitter.splitOversizedWords(input);
    QList<QStringList> groups;
    QStringList current;
    for (const QString &word : all) {
        QStringList candidate = current;
        candidate.append(word);
        if (!current.isEmpty() && !fitter.fits(candidate)) {
            groups.append(current);
            current = QStringList{word};
        } else {
            current = candidate;
        }
    }
    if (!current.isEmpty())
        groups.append(current);
    // Balance neighbours: move words from an earlier group to a later, shorter one while both fit.
    for (int pass = 0; pass < 3; ++pass) {
        for (qsizetype i = groups.size() - 1; i > 0; --i) {
            QStringList &previous = groups[i - 1];
            QStringList &next = groups[i];
            while (previous.size() > 1) {
                const double wp = fitter.width(previous.join(QLatin1Char(' ')));
                const double wn = fitter.width(next.join(QLatin1Char(' ')));
                QStringList movedNext = next;
                movedNext.prepend(previous.last());
                const double wl = fitter.width(previous.last());
                if (wn + wl >= wp - wl || !fitter.fits(movedNext))
                    break;
                next = movedNext;
                previous.removeLast();
            }
        }
    }
    return groups;
}

} // namespace

QStringList CaptionChunker::chunk(const QString &narration, const CaptionStyle &style, QSize frame)
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    static const QRegularExpression sentenceEnd(QStringLiteral("[.!?…。！？]+[\"'”’)\\]]*(?=\\s)"));
    static const QRegularExpression clauseEnd(QStringLiteral("[,;:،؛—–]+[\"'”’)\\]]*(?=\\s)"));

    QString text = narration;
    text.replace(whitespace, QStringLiteral(" "));
    text = text.trimmed();
    if (text.isEmpty() || frame.isEmpty())
        return {};

    const LineFitter fitter(style, frame);
    QList<QStringList> groups;
    for (const QString &sentence : splitAfter(text, sentenceEnd)) {
        const QStringList sentenceWords = words(sentence);
        if (fitter.fits(sentenceWords)) {
            groups.append(sentenceWords);
            continue;
        }
        // Clauses, merged back together while they still fit two lines.
        QStringList current;
        const auto flush = [&] {
            if (current.isEmpty())
                return;
            if (fitter.fits(current))
                groups.append(current);
            else
                groups.append(splitByWords(fitter, current));
            current.clear();
        };
        for (const QString &clause : splitAfter(sentence, clauseEnd)) {
            const QStringList clauseWords = words(clause);
            QStringList candidate = current + clauseWords;
            if (!current.isEmpty() && !fitter.fits(candidate)) {
                flush();
                current = clauseWords;
            } else {
                current = candidate;
            }
        }
        flush();
    }

    QStringList chunks;
    for (const QStringList &group : std::as_const(groups)) {
        const auto lines = fitter.layout(group);
        if (lines)
            chunks.append(lines->join(QLatin1Char('\n')));
    }
    return chunks;
}

} // namespace diy
