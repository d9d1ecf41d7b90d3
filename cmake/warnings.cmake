# folio_set_warnings(target): strict warnings on folio's own targets only. -Wshadow=local is
# GCC's; clang's -Wshadow is the nearest (it also counts a local that shadows a namespace-scope
# name), so a fuzzing build with clang keeps the same rule.
function(folio_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wnon-virtual-dtor)
  if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    target_compile_options(${target} PRIVATE -Wshadow)
  else()
    target_compile_options(${target} PRIVATE -Wshadow=local)
  endif()
  if(FOLIO_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
