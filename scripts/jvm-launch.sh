# Sourced by ./gvsl and benchmarks/run: build the project when its jars are stale, and size JavaCPP's native
# (off-heap) memory from the machine's RAM. Expects $root, the repository root.

# build_if_stale JAR CLASSPATH_FILE LABEL: `mvn install -DskipTests` when JAR or CLASSPATH_FILE is missing or older
# than any source, pom.xml or main resource. $GVSL_BUILD_ARGS go to Maven first (-Pcuda keeps a CUDA build).
build_if_stale() {
  local jar="$1" cp_file="$2" label="$3"
  if [[ -f "$jar" && -f "$cp_file" && -z "$(find "$root" -path '*/target' -prune -o \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$jar" -print -quit)" ]]; then
    return 0
  fi
  echo "$label: building (mvn ${GVSL_BUILD_ARGS:-}${GVSL_BUILD_ARGS:+ }install -DskipTests) ..." >&2
  # shellcheck disable=SC2086  # the build arguments are words
  (cd "$root" && mvn -q -B ${GVSL_BUILD_ARGS:-} install -DskipTests) >&2
  # The jar plugin leaves an up-to-date jar untouched, so a change elsewhere (a test, another module) would look
  # stale again at every launch.
  touch "$jar" "$cp_file"
}

# run_classpath JAR CLASSPATH_FILE LABEL: prints the class path to run: $GVSL_CLASSPATH when set (a test runs the
# launchers on its own class path; nothing is built), else JAR and the class path Maven wrote, built if stale.
run_classpath() {
  if [[ -n "${GVSL_CLASSPATH:-}" ]]; then
    echo "$GVSL_CLASSPATH"
    return 0
  fi
  build_if_stale "$1" "$2" "$3"
  echo "$1:$(cat "$2")"
}

# native_memory_opts: JavaCPP may use 60% of RAM for arrays and the process 85% in all; the Java heap stays small
# because tensors live off-heap.
native_memory_opts() {
  local mem_kb
  mem_kb=$(awk '/MemTotal/ {print $2}' /proc/meminfo 2>/dev/null || echo 8388608)
  echo "-Dorg.bytedeco.javacpp.maxbytes=$(( mem_kb * 6 / 10 / 1024 ))m" \
       "-Dorg.bytedeco.javacpp.maxphysicalbytes=$(( mem_kb * 85 / 100 / 1024 ))m"
}

# allocator_setting: prints the project's malloc setting (root pom, gvsl.glibcTunables, as the build wrote it for
# NativeAllocator), or nothing before a build. Call it after run_classpath, which builds.
allocator_setting() {
  local file="$root/gvsl-model/target/classes/org/gvsl/model/backend/glibc-tunables"
  if [[ -r "$file" ]]; then
    cat "$file"
  fi
}

# export_allocator_setting: sets GLIBC_TUNABLES to allocator_setting, ahead of any tunables the user set, which so
# still win. Without it a large training step runs up to 2.5x slower (see NativeAllocator).
export_allocator_setting() {
  local setting
  setting="$(allocator_setting)"
  if [[ -n "$setting" ]]; then
    export GLIBC_TUNABLES="$setting${GLIBC_TUNABLES:+:$GLIBC_TUNABLES}"
  fi
}
