package reverie.engine.analysis;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Arrays;

/**
 * The Hungarian method (Kuhn–Munkres with potentials) for a minimum-cost one-to-one assignment in a
 * rectangular cost matrix, O(rows^2 x columns).
 */
public final class Hungarian {
  private Hungarian() {}

  /**
   * The column assigned to each row that minimises the total cost; when there are more rows than
   * columns, the rows left over get -1.
   */
  public static int[] minimumCostAssignment(double[][] cost) {
    int rows = cost.length;
    if (rows == 0) {
      return new int[0];
    }
    int cols = cost[0].length;
    for (double[] row : cost) {
      checkArgument(row.length == cols, "ragged cost matrix");
      for (double c : row) {
        checkArgument(Double.isFinite(c), "non-finite cost %s", c);
      }
    }
    if (rows > cols) {
      double[][] t = new double[cols][rows];
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          t[c][r] = cost[r][c];
        }
      }
      int[] colToRow = minimumCostAssignment(t);
      int[] rowToCol = new int[rows];
      Arrays.fill(rowToCol, -1);
      for (int c = 0; c < cols; c++) {
        rowToCol[colToRow[c]] = c;
      }
      return rowToCol;
    }
    // 1-based arrays; column 0 is a virtual column holding the row being inserted. u and v are the
    // dual
    // potentials: u[i] + v[j] <= cost[i][j] always, with equality on the matched (tight) edges.
    double[] u = new double[rows + 1];
    double[] v = new double[cols + 1];
    int[] match = new int[cols + 1]; // match[j] = row matched to column j (0 = free)
    int[] way = new int[cols + 1];
    for (int i = 1; i <= rows; i++) {
      match[0] = i;
      int j0 = 0;
      double[] minSlack = new double[cols + 1];
      Arrays.fill(minSlack, Double.POSITIVE_INFINITY);
      boolean[] used = new boolean[cols + 1];
      do {
        used[j0] = true;
        int i0 = match[j0];
        double delta = Double.POSITIVE_INFINITY;
        int j1 = -1;
        for (int j = 1; j <= cols; j++) {
          if (!used[j]) {
            double slack = cost[i0 - 1][j - 1] - u[i0] - v[j];
            if (slack < minSlack[j]) {
              minSlack[j] = slack;
              way[j] = j0;
            }
            if (minSlack[j] < delta) {
              delta = minSlack[j];
              j1 = j;
            }
          }
        }
        for (int j = 0; j <= cols; j++) {
          if (used[j]) {
            u[match[j]] += delta;
            v[j] -= delta;
          } else {
            minSlack[j] -= delta;
          }
        }
        j0 = j1;
      } while (match[j0] != 0);
      // Augment along the alternating path back to the virtual column.
      do {
        int j1 = way[j0];
        match[j0] = match[j1];
        j0 = j1;
      } while (j0 != 0);
    }
    int[] result = new int[rows];
    for (int j = 1; j <= cols; j++) {
      if (match[j] != 0) {
        result[match[j] - 1] = j - 1;
      }
    }
    return result;
  }
}
