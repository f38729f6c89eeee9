#include "media/CaptionTrack.h"

#include "media/SafeArea.h"

#include <QFont>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QTextStream>

#include <cmath>

namespace diy {

namespace {
constexpr char16_t kWordJoiner = u'\u2060';

int alignment(CaptionStyle::Position position)
{
    switch (position) {
    case CaptionStyle::Position::Bottom: return 2;
    case CaptionStyle::Position::Center: return 5;
    case CaptionStyle::Position::Top: return 8;
    }
    return 2;
}

QString styleName(const QString &name)
{
    // Commas separate fields of a Style line; the family name must not contain one.
    QString out = name;
    out.replace(QLatin1Char(','), QLatin1Char(' '));
    return out.trimmed().isEmpty() ? QStringLiteral("Noto Sans") : out.trimmed();
}
} // namespace

int CaptionTrack::assFontSize(const CaptionStyle &style, QSize frame)
{
    // ASS sizes a font by its ascent + descent; Qt (and the chunker's measurements) by the em.
    // Convert so the burned-in text is exactly as wide as the chunker measured it.
    const int px = style.pixelSize(frame);
    double ratio = 1.362; // Noto Sans
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        QFont font(style.fontFamily);
        font.setPixelSize(1000);
        font.setBold(true);
        const QFontMetricsF metrics(font);
        ratio = (metrics.ascent() + metrics.descent()) / 1000.0;
    }
    return std::max(1, static_cast<int>(std::lround(px * ratio)));
}

QString CaptionTrack::assTime(qint64 ms)
{
    const qint64 cs = (std::max<qint64>(0, ms) + 5) / 10;
    return QStringLiteral("%1:%2:%3.%4")
        .arg(cs / 360000)
        .arg((cs / 6000) % 60, 2, 10, QLatin1Char('0'))
        .arg((cs / 100) % 60, 2, 10, QLatin1Char('0'))
        .arg(cs % 100, 2, 10, QLatin1Char('0'));
}

QString CaptionTrack::assColour(const QColor &colour)
{
    const QColor c = colour.toRgb();
    return QStringLiteral("&H%1%2%3%4")
        .arg(255 - c.alpha(), 2, 16, QLatin1Char('0'))
        .arg(c.blue(), 2, 16, QLatin1Char('0'))
        .arg(c.green(), 2, 16, QLatin1Char('0'))
        .arg(c.red(), 2, 16, QLatin1Char('0'))
        .toUpper();
}

QString CaptionTrack::escapeAssText(const QString &text)
{
    QString normalised = text;
    normalised.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalised.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    normalised.replace(QLatin1Char('\t'), QLatin1Char(' '));

    qsizetype first = 0;
    while (first < normalised.size() && normalised.at(first) == QLatin1Char(' '))
        ++first;
    qsizetype last = normalised.size();
    while (last > first && normalised.at(last - 1) == QLatin1Char(' '))
        --last;

    QString out;
    out.reserve(normalised.size() + 16);
    for (qsizetype i = 0; i < normalised.size(); ++i) {
        const QChar c = normalised.at(i);
        if (c == QLatin1Char(' ') && (i < first || i >= last)) {
            out += QStringLiteral("\\h"); // libass drops plain leading/trailing spaces
        } else if (c == QLatin1Char('\\')) {
            // A word joiner after the backslash keeps "\N", "\h", "\{" etc. literal text.
            out += QLatin1Char('\\');
            out += QChar(kWordJoiner);
        } else if (c == QLatin1Char('{')) {
            out += QStringLiteral("\\{");
        } else if (c == QLatin1Char('}')) {
            out += QStringLiteral("\\}");
        } else if (c == QLatin1Char('\n')) {
            out += QStringLiteral("\\N");
        } else if (c.unicode() < 0x20 || c.unicode() == 0x7f) {
            continue; // other control characters would break the line-based format
        } else {
            out += c;
        }
    }
    return out;
}

QString CaptionTrack::toAss(const CaptionStyle &style, QSize frame) const
{
    const QRect safe = SafeArea::of(frame);
    const int size = style.pixelSize(frame);
    const int outline = style.scaledOutline(frame);
    const int padding = std::max(2, size / 4);
    const int marginL = safe.left() + padding;
    const int marginR = frame.width() - safe.right() - 1 + padding;
    int marginV = 0;
    switch (style.position) {
    case CaptionStyle::Position::Bottom: marginV = frame.height() - safe.bottom() - 1 + padding; break;
    case CaptionStyle::Position::Top: marginV = safe.top() + padding; break;
    case CaptionStyle::Position::Center: marginV = 0; break;
    }
    const QString font = styleName(style.fontFamily);
    const QString common = QStringLiteral("100,100,0,0");
    const QString margins = QStringLiteral("%1,%2,%3").arg(marginL).arg(marginR).arg(marginV);

    QString out;
    QTextStream s(&out);
    s << "[Script Info]\n"
      << "; Captions by DIY Video Studio\n"
      << "ScriptType: v4.00+\n"
      << "PlayResX: " << frame.width() << "\n"
      << "PlayResY: " << frame.height() << "\n"
      << "WrapStyle: 0\n"
      << "ScaledBorderAndShadow: yes\n"
      << "YCbCr Matrix: TV.709\n"
      << "\n[V4+ Styles]\n"
      << "Format: Name, Fontname, Fontsize, PrimaryColour, SecondaryColour, OutlineColour, BackColour, "
         "Bold, Italic, Underline, StrikeOut, ScaleX, ScaleY, Spacing, Angle, BorderStyle, Outline, "
         "Shadow, Alignment, MarginL, MarginR, MarginV, Encoding\n";
    // One style: outlined glyphs and, with a box, libass's BorderStyle 4 (one box around the whole
    // event in BackColour; per-line boxes of BorderStyle 3 overlap into darker stripes).
    const QString box = style.box ? QStringLiteral("&H66000000") : QStringLiteral("&H80000000");
    s << "Style: Caption," << font << ',' << assFontSize(style, frame) << ',' << assColour(style.primary) << ','
      << assColour(style.primary) << ',' << assColour(style.outline) << ',' << box << ",-1,0,0,0," << common << ','
      << (style.box ? 4 : 1) << ',' << outline << ",0," << alignment(style.position) << ',' << margins << ",1\n";
    s << "\n[Events]\n"
      << "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n";
    for (const CaptionCue &cue : cues) {
        if (cue.text.trimmed().isEmpty() || cue.endMs <= cue.startMs)
            continue;
        const QString text = escapeAssText(cue.text);
        const QString times = assTime(cue.startMs) + QLatin1Char(',') + assTime(cue.endMs);
        s << "Dialogue: 0," << times << ",Caption,,0,0,0,," << text << "\n";
    }
    s.flush();
    return out;
}

} // namespace diy
