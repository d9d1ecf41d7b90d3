// Ranking metrics as trec_eval computes them: nDCG@k with linear gain and a log2 discount,
// average precision (binary: a judgement above 0 is relevant), and recall@k.
#pragma once

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace folio::bench {

using Judgements = std::map<std::string, int>;  // document id -> graded gain (0 = not relevant)

inline double ndcg_at(const std::vector<std::string>& ranked, const Judgements& judged,
                      std::size_t k) {
  double dcg = 0;
  for (std::size_t i = 0; i < ranked.size() && i < k; ++i) {
    auto it = judged.find(ranked[i]);
    if (it != judged.end() && it->second > 0) dcg += it->second / std::log2(double(i) + 2);
  }
  std::vector<int> gains;
  for (const auto& [id, gain] : judged) {
    if (gain > 0) gains.push_back(gain);
  }
  std::sort(gains.rbegin(), gains.rend());
  double ideal = 0;
  for (std::size_t i = 0; i < gains.size() && i < k; ++i)
    ideal += gains[i] / std::log2(double(i) + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

inline std::size_t relevant_count(const Judgements& judged) {
  return static_cast<std::size_t>(
      std::count_if(judged.begin(), judged.end(), [](const auto& j) { return j.second > 0; }));
}

inline double average_precision(const std::vector<std::string>& ranked, const Judgements& judged) {
  std::size_t relevant = relevant_count(judged);
  if (relevant == 0) return 0;
  double sum = 0;
  std::size_t found = 0;
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    auto it = judged.find(ranked[i]);
    if (it != judged.end() && it->second > 0) sum += double(++found) / double(i + 1);
  }
  return sum / double(relevant);
}

inline double recall_at(const std::vector<std::string>& ranked, const Judgements& judged,
                        std::size_t k) {
  std::size_t relevant = relevant_count(judged);
  if (relevant == 0) return 0;
  std::size_t found = 0;
  for (std::size_t i = 0; i < ranked.size() && i < k; ++i) {
    auto it = judged.find(ranked[i]);
    if (it != judged.end() && it->second > 0) ++found;
  }
  return double(found) / double(relevant);
}

}  // namespace folio::bench
