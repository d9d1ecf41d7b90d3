# A fuzzing build (FOLIO_BUILD_FUZZ) needs clang's libFuzzer and runs under ASan and UBSan.
if(FOLIO_BUILD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "FOLIO_BUILD_FUZZ needs clang (CXX=clang++): libFuzzer is clang's")
  endif()
  if(NOT FOLIO_SANITIZE)
    set(FOLIO_SANITIZE address,undefined)
  endif()
endif()

# folio_set_sanitizers(target): applies FOLIO_SANITIZE (e.g. "address,undefined" or "thread"), and
# libFuzzer's coverage instrumentation in a fuzzing build.
function(folio_set_sanitizers target)
  if(FOLIO_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${FOLIO_SANITIZE} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${FOLIO_SANITIZE})
    if(FOLIO_SANITIZE MATCHES "thread" AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      # GCC 12 warns that ThreadSanitizer does not model std::atomic_thread_fence, which Boost.Asio
      # uses after its reference counts drop (an acquire fence after a release decrement). TSan
      # could then report a false race where such a count frees its object; the server tests
      # report none (tests/tsan.supp would name it).
      target_compile_options(${target} PRIVATE -Wno-tsan)
    endif()
  endif()
  if(FOLIO_BUILD_FUZZ)
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
endfunction()

# folio_target_defaults(target): what every folio target gets.
function(folio_target_defaults target)
  folio_set_warnings(${target})
  folio_set_sanitizers(${target})
endfunction()
