# The Debian package: `cpack -G DEB` in a build folder makes folio_VERSION_amd64.deb
# (scripts/package.sh). It holds what `cmake --install` installs, plus the files of the "system"
# component: a systemd unit, its configuration in /etc/folio, docs. That component is
# EXCLUDE_FROM_ALL because /etc/folio is an absolute path: `cmake --install --prefix DIR` (as
# tests/package/test_package.sh does) must never write to the machine's /etc.
include(GNUInstallDirs)

# --- man pages: help2man from --help, so they never drift from the programs -----------------------
# Off unless asked (scripts/package.sh does): the sanitizer and fuzzing builds need no man pages.
find_program(HELP2MAN help2man)  # scripts/setup.sh --package
option(FOLIO_BUILD_MAN "Make man pages with help2man (the Debian package needs them)" OFF)
if(FOLIO_BUILD_MAN)
  if(NOT HELP2MAN)
    message(FATAL_ERROR "FOLIO_BUILD_MAN needs help2man (scripts/setup.sh --package)")
  endif()
  if(NOT TARGET folio-server)
    message(FATAL_ERROR "FOLIO_BUILD_MAN needs FOLIO_BUILD_SERVER=ON")
  endif()
endif()
set(man_pages "")
function(folio_man_page target description subcommands)
  set(page ${PROJECT_BINARY_DIR}/man/${target}.1.gz)
  add_custom_command(
    OUTPUT ${page}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${PROJECT_BINARY_DIR}/man
    COMMAND ${CMAKE_COMMAND} -DHELP2MAN=${HELP2MAN} -DPROGRAM=$<TARGET_FILE:${target}>
            "-DNAME=${description}" -DVERSION=${PROJECT_VERSION} "-DSUBCOMMANDS=${subcommands}"
            -DOUTPUT=${page} -P ${PROJECT_SOURCE_DIR}/cmake/help2man.cmake
    DEPENDS ${target} ${PROJECT_SOURCE_DIR}/cmake/help2man.cmake
    COMMENT "help2man ${target}"
    VERBATIM)
  install(FILES ${page} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  set(man_pages ${man_pages} ${page} PARENT_SCOPE)
endfunction()
if(FOLIO_BUILD_MAN)
  folio_man_page(folio "index, check and search Markdown sites" "index;check;search;stats;export")
  folio_man_page(folio-server "JSON search API and search widget over a folio index" "")
  add_custom_target(folio_man_pages ALL DEPENDS ${man_pages})
endif()

# --- system files ---------------------------------------------------------------------------------
set(debian ${PROJECT_SOURCE_DIR}/packaging/debian)
install(FILES ${debian}/folio.toml DESTINATION /etc/folio COMPONENT system EXCLUDE_FROM_ALL)
install(FILES ${debian}/folio-server.service DESTINATION lib/systemd/system
        COMPONENT system EXCLUDE_FROM_ALL)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/docs/folio.example.toml
              ${debian}/README.Debian
        DESTINATION ${CMAKE_INSTALL_DOCDIR} COMPONENT system EXCLUDE_FROM_ALL)

# --- cpack -G DEB ---------------------------------------------------------------------------------
set(CPACK_GENERATOR DEB)
# One package of both components: the ordinary install ("Unspecified") and "system".
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_GROUPING ALL_COMPONENTS_IN_ONE)
set(CPACK_COMPONENTS_ALL Unspecified system)
set(CPACK_PACKAGE_NAME folio)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Folio maintainers <folio@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "full-text search for Markdown sites, built on Xapian")
# The summary is the Description's first line; this is the rest.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "folio indexes Hugo, Zola, Jekyll and plain Markdown folders, and searches them from the
terminal; folio-server serves a JSON search API and an embeddable search widget. Also the
folio::core library with its headers and CMake package.")
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # folio_0.1.0_amd64.deb
# The shared libraries' packages as dpkg-shlibdeps finds them (libxapian30, libcmark-gfm0.29...,
# with Debian 12's versions); passwd for useradd in postinst.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "passwd")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${debian}/postinst ${debian}/prerm ${debian}/postrm ${debian}/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
include(CPack)
