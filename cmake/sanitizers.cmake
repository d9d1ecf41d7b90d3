# folio_set_sanitizers(target): applies FOLIO_SANITIZE (e.g. "address,undefined" or "thread").
function(folio_set_sanitizers target)
  if(FOLIO_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=${FOLIO_SANITIZE} -fno-omit-frame-pointer
                                             -fno-sanitize-recover=all)
    target_link_options(${target} PRIVATE -fsanitize=${FOLIO_SANITIZE})
  endif()
endfunction()

# folio_target_defaults(target): what every folio target gets.
function(folio_target_defaults target)
  folio_set_warnings(${target})
  folio_set_sanitizers(${target})
endfunction()
