# cmake -P helper: one man page made by help2man from a program's --help, with the --help of each
# subcommand appended as a COMMANDS section (help2man reads only the top-level --help).
#   -DHELP2MAN=... -DPROGRAM=path -DNAME="one-line description" -DVERSION=x.y.z
#   -DSUBCOMMANDS="index;check" (optional) -DOUTPUT=page.1.gz (gzip -9n, as Debian ships them)
set(include_args "")
string(REGEX REPLACE "\\.gz$" "" page ${OUTPUT})
if(SUBCOMMANDS)
  set(include_file ${page}.h2m)
  set(include_args --include=${include_file})
  file(WRITE ${include_file} "[COMMANDS]\n")
  foreach(sub IN LISTS SUBCOMMANDS)
    execute_process(COMMAND ${PROGRAM} ${sub} --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
      message(FATAL_ERROR "${PROGRAM} ${sub} --help failed (${status})")
    endif()
    # roff: a backslash is \e, and a line may not start with a control character.
    string(REPLACE "\\" "\\e" help "${help}")
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
    file(APPEND ${include_file} ".SS ${sub}\n.nf\n${help}.fi\n")
  endforeach()
endif()
execute_process(
  COMMAND ${HELP2MAN} --no-info --version-string=${VERSION} --name=${NAME}
          ${include_args} --output=${page} ${PROGRAM}
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "help2man failed for ${PROGRAM} (${status})")
endif()
# -n: no name or time stamp in the header, so the same page makes the same bytes.
execute_process(COMMAND gzip -9 -n -f ${page} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gzip failed for ${page} (${status})")
endif()
