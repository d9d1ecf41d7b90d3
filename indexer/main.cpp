#include <cstdio>

int main() {
  std::puts("folio: not built yet");
  return 0;
}
