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
      # uses after its reference counts drop (acquire after a release decrement). The release/
      # acquire pair it completes is on the same atomic, which TSan does see.
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
