# Compiles the api with its test classes (benchmark drivers live there) and sets CP; defines free_port.
cd "$ROOT"
echo "[bench] compiling the api (offline if possible)" >&2
mvn -q -B -o -pl api -am test-compile -DskipTests >&2 2>/dev/null || mvn -q -B -pl api -am test-compile -DskipTests >&2
if [[ ! -s api/target/bench.classpath || api/pom.xml -nt api/target/bench.classpath ]]; then
  mvn -q -B -o -pl api -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2 \
    || mvn -q -B -pl api -am test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >&2
fi
CP="$ROOT/api/target/test-classes:$ROOT/api/target/classes:$(cat api/target/bench.classpath)"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
