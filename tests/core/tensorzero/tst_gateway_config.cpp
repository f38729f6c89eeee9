#include "TzTestSupport.h"

#include "tensorzero/InferenceJob.h"

#include <QProcess>
#include <QTemporaryDir>

#include <toml++/toml.h>

using namespace diy;
using namespace diy::test;

/// diy-studio-cli gateway-config --providers-with-keys, run as a process with chosen key variables.
class TestGatewayConfig : public QObject {
    Q_OBJECT
private:
    struct Run {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run runWithKeys(const QStringList &keys, const QString &output)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *k : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GOOGLE_AI_STUDIO_API_KEY", "GROQ_API_KEY"})
            env.remove(QString::fromLatin1(k));
        for (const QString &k : keys)
            env.insert(k, QStringLiteral("test-key"));
        QProcess p;
        p.setProcessEnvironment(env);
        p.start(cliPath(), {QStringLiteral("gateway-config"), QStringLiteral("--providers-with-keys"), QStringLiteral("--config"),
                            sourcePath(QStringLiteral("config/tensorzero.toml")), QStringLiteral("-o"), output});
        Run r;
        if (!p.waitForFinished(60000))
            return r;
        r.exitCode = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    static QStringList names(const toml::node_view<const toml::node> &node)
    {
        QStringList out;
        if (const toml::table *t = node.as_table())
            for (const auto &[k, v] : *t)
                out.append(QString::fromStdString(std::string(k.str())));
        if (const toml::array *a = node.as_array())
            for (const auto &v : *a)
                out.append(QString::fromStdString(std::string(v.value_or(std::string_view()))));
        out.sort();
        return out;
    }

    /// Every provider left reads one of `keys`, and every model routes exactly its providers.
    static void checkProviders(const toml::table &root, const QStringList &keys)
    {
        for (const auto &[mname, mnode] : *root["models"].as_table()) {
            const toml::node_view<const toml::node> m(mnode);
            QCOMPARE(names(m["routing"]), names(m["providers"]));
            for (const auto &[pname, pnode] : *m["providers"].as_table()) {
                const QString location = QString::fromStdString(
                    std::string(toml::node_view<const toml::node>(pnode)["api_key_location"].value_or(std::string_view())));
                QVERIFY2(keys.contains(location.mid(5)), qPrintable(location));
            }
        }
    }

private slots:
    void initTestCase() { QVERIFY2(!cliPath().isEmpty(), "DIY_CLI is not set"); }

    void keepsOnlyProvidersWithKeys()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("elsewhere/tensorzero.toml"));
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("elsewhere"))));
        const Run run = runWithKeys({QStringLiteral("OPENAI_API_KEY")}, output);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        QVERIFY(run.out.contains(QStringLiteral("GROQ_API_KEY not set")));
        const toml::table root = toml::parse_file(output.toStdString());
        checkProviders(root, {QStringLiteral("OPENAI_API_KEY")});
        // Every model has an OpenAI provider, so every variant survives.
        QCOMPARE(names(root["functions"]["script_generator"]["variants"]),
                 (QStringList{QStringLiteral("creative"), QStringLiteral("structured_fast"), QStringLiteral("structured_smart")}));
        QCOMPARE(std::string(root["object_storage"]["type"].value_or(std::string_view())), std::string("disabled"));

        // The written file is a config the (strict) double loads from its new place: template
        // and schema paths were rewritten, and inference works through it.
        GatewayDouble gateway(output, sourcePath(QStringLiteral("tests/data/tensorzero")));
        QVERIFY2(gateway.configError().isEmpty(), qPrintable(gateway.configError()));
        QVERIFY(gateway.listen());
        QNetworkAccessManager network;
        TensorZeroClient client(&network, fastOptions(gateway.url()));
        InferenceRequest r;
        r.functionName = QStringLiteral("script_generator");
        r.userArguments = scriptArguments();
        const auto answer = runJob<Result<InferenceResponse>>(client.infer(r));
        QVERIFY(answer && answer->ok());
    }

    void dropsVariantsLeftWithoutAModel()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("tz.toml"));
        const Run run = runWithKeys({QStringLiteral("ANTHROPIC_API_KEY")}, output);
        QVERIFY2(run.exitCode == 0, qPrintable(run.out + run.err));
        const toml::table root = toml::parse_file(output.toStdString());
        checkProviders(root, {QStringLiteral("ANTHROPIC_API_KEY")});
        QCOMPARE(names(root["models"]), (QStringList{QStringLiteral("creative"), QStringLiteral("smart")}));
        // fast is gone, so balanced is gone, and with it the best-of-3 arm that needs it.
        QCOMPARE(names(root["functions"]["prompt_enhancer"]["variants"]),
                 (QStringList{QStringLiteral("cinematic"), QStringLiteral("descriptive")}));
        QCOMPARE(names(root["functions"]["prompt_enhancer"]["experimentation"]["candidate_variants"]),
                 (QStringList{QStringLiteral("cinematic"), QStringLiteral("descriptive")}));
        QCOMPARE(names(root["functions"]["script_generator"]["experimentation"]["candidate_variants"]),
                 QStringList{QStringLiteral("creative")});
        QCOMPARE(names(root["functions"]["script_generator"]["experimentation"]["fallback_variants"]),
                 QStringList{QStringLiteral("structured_smart")});
        QCOMPARE(names(root["functions"]["video_evaluator"]["variants"]), QStringList{QStringLiteral("strict_judge")});
        QVERIFY(run.out.contains(QStringLiteral("functions.prompt_enhancer.variants.best_of_3")));
    }

    void refusesWhenAFunctionHasNoModelLeft()
    {
        QTemporaryDir dir;
        const QString output = dir.filePath(QStringLiteral("tz.toml"));
        // Groq serves only the text model: the video judge (vision) has nothing left.
        const Run run = runWithKeys({QStringLiteral("GROQ_API_KEY")}, output);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("video_evaluator")), qPrintable(run.err));
        QVERIFY(!QFileInfo::exists(output));

        const Run none = runWithKeys({}, output);
        QCOMPARE(none.exitCode, 1);
        QVERIFY(none.err.contains(QStringLiteral("OPENAI_API_KEY")));
    }
};

QTEST_GUILESS_MAIN(TestGatewayConfig)
#include "tst_gateway_config.moc"
