import Foundation
import Testing

/// The fleet's manifests, checked at the schema level since no cluster is reachable here:
/// kinds and API versions, the fields an Indexed Job needs, and a pod failure policy that
/// maps restorecheck's exit codes (1 fail the index, 2 retry, 78 fail the Job); the plan in
/// the ConfigMap is validated by the real binary; the CI matrices shard and merge.
@Suite struct FleetRecipesTests {
    static let deploy = TestEnvironment.packageRoot.appendingPathComponent("deploy").path

    private func python(_ script: String, _ arguments: [String]) -> TestEnvironment.Result {
        TestEnvironment.run("/usr/bin/python3", ["-c", script] + arguments)
    }

    @Test func theIndexedJobMapsExitCodesAndMountsSafely() throws {
        let script = """
            import sys, yaml
            cron = yaml.safe_load(open(sys.argv[1]))
            assert (cron['apiVersion'], cron['kind']) == ('batch/v1', 'CronJob'), 'kind'
            assert cron['spec']['concurrencyPolicy'] == 'Forbid'
            job = cron['spec']['jobTemplate']['spec']
            assert job['completionMode'] == 'Indexed', 'indexed'
            assert 1 <= job['parallelism'] <= job['completions'], 'parallelism cap'
            assert job['backoffLimitPerIndex'] >= 1, 'per-index retries'
            pod = job['template']['spec']
            assert pod['restartPolicy'] == 'Never', 'podFailurePolicy needs restartPolicy Never'
            (container,) = pod['containers']
            actions = {}
            for rule in job['podFailurePolicy']['rules']:
                if 'onExitCodes' in rule:
                    codes = rule['onExitCodes']
                    assert codes['containerName'] == container['name'] and codes['operator'] == 'In'
                    for code in codes['values']: actions[code] = rule['action']
            assert actions.get(1) == 'FailIndex', 'a failed backup is a result, not retried'
            assert 2 not in actions, 'could not verify is retried (counted against backoffLimitPerIndex)'
            assert actions.get(78) == 'FailJob', 'a bad plan fails the whole Job'
            args = container['args']
            assert args[0] == 'verify' and '--shards=%d' % job['completions'] in args, 'shards = completions'
            assert any(a.startswith('--pushgateway=') for a in args) and '--quiet' in args
            env = {e['name'] for e in container['env']}
            assert 'RESTORECHECK_RUN_ID' in env, 'one run id per Job'
            mounts = {m['name']: m for m in container['volumeMounts']}
            volumes = {v['name']: v for v in pod['volumes']}
            assert mounts['backups']['readOnly'] and volumes['backups']['persistentVolumeClaim']['readOnly']
            scratch = [a.split('=')[1] for a in args if a.startswith('--scratch=')]
            assert 'emptyDir' in volumes['scratch'] and [mounts['scratch']['mountPath']] == scratch
            assert volumes['plan']['configMap']['name'] == 'restorecheck-plan'
            assert container['resources']['requests']['memory'] and container['resources']['limits']['memory']
            assert container['securityContext']['capabilities']['drop'] == ['ALL']
            merge = yaml.safe_load(open(sys.argv[2]))
            assert (merge['apiVersion'], merge['kind']) == ('batch/v1', 'CronJob')
            margs = merge['spec']['jobTemplate']['spec']['template']['spec']['containers'][0]['args']
            assert margs[0] == 'merge' and '/reports' in margs
            plan = yaml.safe_load(open(sys.argv[3]))
            assert (plan['apiVersion'], plan['kind']) == ('v1', 'ConfigMap')
            assert plan['metadata']['name'] == 'restorecheck-plan'
            open(sys.argv[4], 'w').write(plan['data']['plan.yml'])
            print('ok')
            """
        let work = TestEnvironment.scratch("k8s")
        defer { TestEnvironment.remove(work) }
        let directory = Self.deploy + "/kubernetes"
        let result = python(
            script,
            [
                directory + "/cronjob.yaml", directory + "/merge-job.yaml", directory + "/plan-configmap.yaml",
                work + "/plan.yml",
            ])
        #expect(result.code == 0 && result.out == "ok\n", "\(result.all)")
        let plan = TestEnvironment.run(TestEnvironment.binary, ["validate", work + "/plan.yml"])
        #expect(plan.code == 0, "the ConfigMap's plan: \(plan.all)")
        let image = try String(contentsOfFile: directory + "/Containerfile", encoding: .utf8)
        #expect(image.contains("FROM debian:12"))
        for package in ["libarchive13", "libsqlite3-0", "postgresql", "mariadb-server", "curl"] {
            #expect(image.contains(package), "\(package) in the image")
        }
        #expect(image.contains("COPY stage/usr/bin/restorecheck"))
    }

    @Test func theCIMatricesShardAndMergeEvenWhenAShardFails() throws {
        let script = """
            import sys, yaml
            gh = yaml.safe_load(open(sys.argv[1]))['jobs']
            shards = gh['verify']['strategy']['matrix']['shard']
            run = next(s['run'] for s in gh['verify']['steps'] if 'restorecheck verify' in s.get('run', ''))
            assert '--shard ${{ matrix.shard }}/%d' % len(shards) in run, 'github shard'
            assert gh['merge']['needs'] == 'verify' and gh['merge']['if'] == 'always()', 'github merge always'
            merge = next(s['run'] for s in gh['merge']['steps'] if 'restorecheck merge' in s.get('run', ''))
            assert all('shard-%d' % i in merge for i in shards), 'github merges every shard'
            gl = yaml.safe_load(open(sys.argv[2]))
            assert gl['verify-backups']['parallel'] >= 2
            assert '--shard $((CI_NODE_INDEX - 1))/$CI_NODE_TOTAL' in gl['verify-backups']['script'][0]
            assert gl['merge-backups']['when'] == 'always'
            assert gl['merge-backups']['artifacts']['reports']['junit'] == 'reports/junit.xml'
            print('ok')
            """
        let result = python(
            script, [Self.deploy + "/ci/github-actions-fleet.yml", Self.deploy + "/ci/gitlab-ci-fleet.yml"])
        #expect(result.code == 0 && result.out == "ok\n", "\(result.all)")
    }
}
